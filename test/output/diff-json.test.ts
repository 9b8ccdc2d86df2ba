import { describe, expect, it } from 'vitest';
import { writeDiffJson } from '../../src/output/diff-json.js';
import type { OutputTarget } from '../../src/output/output-target.js';
import type { DiffFinding, ScanDiff } from '../../src/store/scan-diff.js';

function finding(n: number, name: string): DiffFinding {
  return {
    id: `f${n}`,
    insight: 's3-bucket-public',
    title: 'Buckets are not public',
    severity: 'high',
    status: 'fail',
    state: 'open',
    resource: { arn: `arn:aws:s3:::${name}`, type: 'AWS::S3::Bucket', accountId: '111111111111', region: 'eu-west-1', name },
    firstSeen: '2026-12-01T06:00:00.000Z',
    lastSeen: '2026-12-02T06:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    previousState: n % 2 === 0 ? null : 'resolved',
  };
}

async function written(diff: ScanDiff): Promise<{ text: string; writes: number }> {
  let text = '';
  let writes = 0;
  const target: OutputTarget = {
    write: async (chunk) => {
      text += chunk;
      writes++;
    },
    close: async () => {},
    abort: async () => {},
  };
  await writeDiffJson(target, diff);
  return { text, writes };
}

const scan = (id: string) => ({ id, observedAt: '2026-12-02T06:00:00.000Z', status: 'complete' as const });

describe('writeDiffJson', () => {
  it('writes the text JSON.stringify(document, null, 2) writes, empty lists and awkward strings included', async () => {
    const diff: ScanDiff = {
      from: scan('a1'),
      to: scan('b2'),
      new: [finding(1, 'line\nbreak "quoted" </script>'), finding(2, 'ünïcödé \u2028 \t tab')],
      resolved: [],
      regressed: [finding(3, 'plain')],
      open: [],
    };
    const document = { from: 'a1', to: 'b2', new: diff.new, resolved: diff.resolved, regressed: diff.regressed, open: diff.open };
    expect((await written(diff)).text).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('writes a long list in several pieces', async () => {
    const open = Array.from({ length: 2_000 }, (_, n) => finding(n, `bucket-${n}`));
    const diff: ScanDiff = { from: scan('a1'), to: scan('b2'), new: [], resolved: [], regressed: [], open };
    const { text, writes } = await written(diff);
    expect(text).toBe(`${JSON.stringify({ from: 'a1', to: 'b2', new: [], resolved: [], regressed: [], open }, null, 2)}\n`);
    expect(writes).toBeGreaterThan(1);
  });
});
