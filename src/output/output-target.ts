/**
 * Where output goes: stdout, or a file written under a temporary name and renamed when complete,
 * so a reader never sees half a findings file; a file named `.gz` is gzip-compressed.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

export interface OutputTarget {
  write(text: string): Promise<void>;
  /** Completes the output (renames the file into place). */
  close(): Promise<void>;
  /** Drops a partial file. */
  abort(): Promise<void>;
}

export function stdoutTarget(stream: Writable = process.stdout): OutputTarget {
  return {
    async write(text) {
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {},
    async abort() {},
  };
}

export async function fileTarget(file: string): Promise<OutputTarget> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.partial`;
  const fileStream: WriteStream = createWriteStream(temporary);
  // `.gz`: compressed on the way to the file.
  const stream: Writable = file.endsWith('.gz') ? createGzip() : fileStream;
  if (stream !== fileStream) stream.pipe(fileStream);
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length > 1 << 20) await flush();
    },
    async close() {
      await flush();
      stream.end();
      await once(fileStream, 'close');
      await rename(temporary, file);
    },
    async abort() {
      stream.destroy();
      fileStream.destroy();
      await rm(temporary, { force: true });
    },
  };
}
