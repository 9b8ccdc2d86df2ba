/**
 * `vigil diff --format json`, written a thousand findings at a time: the very text of
 * `JSON.stringify({ from, to, new, resolved, regressed, open }, null, 2)`, without ever holding the
 * whole document as one string (a diff of 100,000s of findings is 100 MB of JSON).
 */
import type { ScanDiff } from '../store/scan-diff.js';
import type { OutputTarget } from './output-target.js';

const LISTS = ['new', 'resolved', 'regressed', 'open'] as const;
/** Findings stringified at once: large enough for one native call to do the work, small enough to stream. */
const BATCH = 1_000;
// A batch stringified inside a wrapper sits at a list's depth in the document, indented as it is there.
const WRAPPED_BEFORE = '{\n  "x": ['.length;
const WRAPPED_AFTER = '\n  ]\n}'.length;

export async function writeDiffJson(target: OutputTarget, diff: ScanDiff): Promise<void> {
  await target.write(`{\n  "from": ${JSON.stringify(diff.from.id)},\n  "to": ${JSON.stringify(diff.to.id)}`);
  for (const name of LISTS) {
    const findings = diff[name];
    if (findings.length === 0) {
      await target.write(`,\n  "${name}": []`);
      continue;
    }
    await target.write(`,\n  "${name}": [`);
    for (let at = 0; at < findings.length; at += BATCH) {
      const wrapped = JSON.stringify({ x: findings.slice(at, at + BATCH) }, null, 2);
      await target.write(`${at === 0 ? '' : ','}${wrapped.slice(WRAPPED_BEFORE, -WRAPPED_AFTER)}`);
    }
    await target.write('\n  ]');
  }
  await target.write('\n}\n');
}
