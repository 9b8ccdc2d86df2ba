/** What a table needs to know about the stream it goes to: the terminal's width, and whether it takes colour. */
import type { Writable } from 'node:stream';
import { coloursFor, type Colours } from './colour.js';

export interface Terminal {
  /** Columns of the terminal; undefined for a file or a pipe (nothing wraps). */
  readonly width: number | undefined;
  readonly colours: Colours;
}

export function terminalOf(stream: Writable & { isTTY?: boolean; columns?: number; hasColors?: () => boolean }): Terminal {
  return {
    width: stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined,
    colours: coloursFor(stream),
  };
}
