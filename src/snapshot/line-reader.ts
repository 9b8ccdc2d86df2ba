/**
 * Streams the lines of a text file, gzip-compressed or not (told by its magic bytes, not its
 * name), in batches: one array per chunk keeps the per-line cost low for million-line snapshots.
 * A line longer than a limit (default 64 MiB) stops the read at once with its number: a file
 * without line breaks (a JSON document, a binary) would otherwise be gathered into one string
 * for minutes until JavaScript's own string limit gave out.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';

export async function isGzipFile(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

/** The longest line read by default, in characters. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

export class LineTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`line ${line} is longer than ${limit / (1024 * 1024)} MiB`);
  }
}

export async function* readLineBatches(file: string, maxLineLength: number = MAX_LINE_LENGTH): AsyncGenerator<string[]> {
  const gzip = await isGzipFile(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: Readable = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (gzip) raw.on('error', (error) => stream.destroy(error));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineCount = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const decoded = decoder.write(chunk);
    // A chunk inside one line is only appended: splitting the whole line again for each chunk is quadratic.
    if (!decoded.includes('\n')) {
      rest += decoded;
      if (rest.length > maxLineLength) throw new LineTooLongError(lineCount + 1, maxLineLength);
      continue;
    }
    const lines = (rest + decoded).split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > maxLineLength) throw new LineTooLongError(lineCount + lines.length + 1, maxLineLength);
    const long = lines.findIndex((line) => line.length > maxLineLength);
    if (long >= 0) throw new LineTooLongError(lineCount + long + 1, maxLineLength);
    lineCount += lines.length;
    yield lines;
  }
  const last = rest + decoder.end();
  if (last !== '') yield [last];
}
