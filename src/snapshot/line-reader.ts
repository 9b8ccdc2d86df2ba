/**
 * Streams the lines of a text file, gzip-compressed or not (told by its magic bytes, not its
 * name), in batches: one array per chunk keeps the per-line cost low for million-line snapshots.
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

export async function* readLineBatches(file: string): AsyncGenerator<string[]> {
  const gzip = await isGzipFile(file);
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: Readable = gzip ? raw.pipe(createGunzip({ chunkSize: 1 << 20 })) : raw;
  if (gzip) raw.on('error', (error) => stream.destroy(error));
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    const lines = text.split('\n');
    rest = lines.pop() ?? '';
    if (lines.length > 0) yield lines;
  }
  const last = rest + decoder.end();
  if (last !== '') yield [last];
}
