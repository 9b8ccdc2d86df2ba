/**
 * Holds records on disk, one JSON line each, while a run produces them: a scan's findings (output
 * is written once the whole snapshot has proved valid, so nothing is emitted for bad input) or
 * collected resources (the snapshot header, which names the coverage, is known only at the end).
 * Memory does not grow with the number of records.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { readLineBatches } from '../snapshot/line-reader.js';

const FLUSH_AT = 1 << 20;

export class JsonLinesSpool<T> {
  private readonly dir = mkdtempSync(join(tmpdir(), 'vigil-spool-'));
  readonly file = join(this.dir, 'records.jsonl');
  private fd: number | undefined = openSync(this.file, 'w');
  private buffer = '';
  count = 0;

  /** Returns the record as written (one JSON line, without the newline). */
  add(record: T): string {
    const line = JSON.stringify(record);
    this.buffer += `${line}\n`;
    this.count++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
    return line;
  }

  /** Adds a record already written as one JSON line. */
  addLine(line: string): void {
    this.buffer += `${line}\n`;
    this.count++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Finishes writing; the spool can then be read. */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** The records as JSON text lines, in the order they were added. */
  async *lines(): AsyncGenerator<string> {
    this.close();
    for await (const batch of readLineBatches(this.file)) {
      for (const line of batch) if (line !== '') yield line;
    }
  }

  async *records(): AsyncGenerator<T> {
    for await (const line of this.lines()) yield JSON.parse(line) as T;
  }

  dispose(): void {
    this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(): void {
    if (this.buffer === '' || this.fd === undefined) return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/** A scan's findings, spooled. */
export class FindingsSpool extends JsonLinesSpool<Finding> {}
