/**
 * Holds a scan's findings on disk while the scan runs, one JSON line each, so that output can be
 * written once the whole snapshot has proved valid (nothing is emitted for bad input) and memory
 * does not grow with the number of findings.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { readLineBatches } from '../inventory/line-reader.js';

const FLUSH_AT = 1 << 20;

export class FindingsSpool {
  private readonly dir = mkdtempSync(join(tmpdir(), 'vigil-findings-'));
  readonly file = join(this.dir, 'findings.jsonl');
  private fd: number | undefined = openSync(this.file, 'w');
  private buffer = '';
  count = 0;

  add(finding: Finding): void {
    this.buffer += `${JSON.stringify(finding)}\n`;
    this.count++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Finishes writing; the spool can then be read. */
  close(): void {
    this.flush();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** The findings as JSON text lines, in the order they were found. */
  async *lines(): AsyncGenerator<string> {
    this.close();
    for await (const batch of readLineBatches(this.file)) {
      for (const line of batch) if (line !== '') yield line;
    }
  }

  async *findings(): AsyncGenerator<Finding> {
    for await (const line of this.lines()) yield JSON.parse(line) as Finding;
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
