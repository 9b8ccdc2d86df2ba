/**
 * Colour on the terminal, decided per stream: `FORCE_COLOR` turns it on (`FORCE_COLOR=0` off) even
 * when piped, `NO_COLOR` turns it off (https://no-color.org), and otherwise only a terminal that
 * has colours gets them: a file, a pipe or CI logs get plain text.
 */
import picocolors from 'picocolors';
import type { Colors } from 'picocolors/types.js';

export type Colours = Colors;

export interface ColourStream {
  readonly isTTY?: boolean;
  hasColors?(): boolean;
}

export function colourEnabled(stream: ColourStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (stream.isTTY !== true) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors() : true;
}

export function coloursFor(stream: ColourStream, env?: NodeJS.ProcessEnv): Colours {
  return picocolors.createColors(colourEnabled(stream, env));
}

/** Plain text, whatever the stream (files, JSON, tests of layout). */
export const noColours: Colours = picocolors.createColors(false);

export function styleStatus(c: Colours, status: string): string {
  switch (status) {
    case 'fail':
      return c.red(c.bold(status));
    case 'error':
      return c.magenta(status);
    case 'exempt':
      return c.yellow(status);
    case 'pass':
      return c.green(status);
    default:
      return c.dim(status);
  }
}

export function styleSeverity(c: Colours, severity: string): string {
  switch (severity) {
    case 'critical':
      return c.red(c.bold(severity));
    case 'high':
      return c.red(severity);
    case 'medium':
      return c.yellow(severity);
    case 'low':
      return c.cyan(severity);
    default:
      return c.dim(severity);
  }
}
