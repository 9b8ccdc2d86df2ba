/**
 * Writes a snapshot file: header line, one resource per line, a trailer line that lets readers
 * detect truncation. Gzip when the name ends in `.gz`. Written to a temporary file and renamed,
 * so a crash never leaves a half-written snapshot under the real name.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import type { AnyCollectedResource } from '../model/resource.js';
import type { SnapshotHeader, SnapshotTrailer } from './snapshot-header.js';

export async function writeSnapshot(
  file: string,
  header: Omit<SnapshotHeader, 'trailer'>,
  resources: Iterable<AnyCollectedResource> | AsyncIterable<AnyCollectedResource>,
): Promise<{ resources: number }> {
  return writeSnapshotLines(file, header, jsonLines(resources));
}

async function* jsonLines(resources: Iterable<AnyCollectedResource> | AsyncIterable<AnyCollectedResource>): AsyncGenerator<string> {
  for await (const resource of resources) yield JSON.stringify(resource);
}

/** The same, from resources already serialised one per line (e.g. spooled while collecting). */
export async function writeSnapshotLines(
  file: string,
  header: Omit<SnapshotHeader, 'trailer'>,
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<{ resources: number }> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.partial`;
  const out = createWriteStream(temporary);
  const gzip = file.endsWith('.gz') ? createGzip({ level: 6 }) : undefined;
  const sink: Writable = gzip ?? out;
  const finished = gzip ? (gzip.pipe(out), once(out, 'finish')) : once(out, 'finish');
  let count = 0;
  let buffer = `${JSON.stringify({ ...header, trailer: true })}\n`;
  try {
    for await (const line of lines) {
      buffer += `${line}\n`;
      count++;
      if (buffer.length > 1 << 20) {
        if (!sink.write(buffer)) await once(sink, 'drain');
        buffer = '';
      }
    }
    const trailer: SnapshotTrailer = { kind: 'vigil-snapshot-end', resources: count };
    buffer += `${JSON.stringify(trailer)}\n`;
    sink.end(buffer);
    await finished;
    await rename(temporary, file);
    return { resources: count };
  } catch (error) {
    sink.destroy();
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
