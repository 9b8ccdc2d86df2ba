/**
 * `vigil diff --format json`, written finding by finding: the very text of
 * `JSON.stringify({ from, to, new, resolved, regressed, open }, null, 2)`, without ever holding the
 * whole document as one string (a diff of 100,000s of findings is 100 MB of JSON).
 */
import type { ScanDiff } from '../store/scan-diff.js';
import type { OutputTarget } from './output-target.js';

const LISTS = ['new', 'resolved', 'regressed', 'open'] as const;
/** What is gathered before one write to the target. */
const CHUNK = 1 << 16;

export async function writeDiffJson(target: OutputTarget, diff: ScanDiff): Promise<void> {
  let text = `{\n  "from": ${JSON.stringify(diff.from.id)},\n  "to": ${JSON.stringify(diff.to.id)}`;
  for (const name of LISTS) {
    const findings = diff[name];
    text += `,\n  "${name}": [`;
    for (let i = 0; i < findings.length; i++) {
      // A finding sits two levels deep; JSON text has no raw line breaks inside strings, so indenting every line is exact.
      text += `${i === 0 ? '' : ','}\n    ${JSON.stringify(findings[i], null, 2).replaceAll('\n', '\n    ')}`;
      if (text.length >= CHUNK) {
        await target.write(text);
        text = '';
      }
    }
    text += findings.length === 0 ? ']' : '\n  ]';
  }
  await target.write(`${text}\n}\n`);
}
