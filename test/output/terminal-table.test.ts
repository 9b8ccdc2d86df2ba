import { describe, expect, it } from 'vitest';
import picocolors from 'picocolors';
import { noColours } from '../../src/output/colour.js';
import { renderTable } from '../../src/output/terminal-table.js';

const columns = [{ header: 'STATUS' }, { header: 'INSIGHT', max: 12 }, { header: 'REASON', flex: true }] as const;
const long = 'the bucket policy lets anyone on the internet read every object, and the account block is off';

describe('renderTable', () => {
  it('puts a header row above aligned columns', () => {
    const text = renderTable(
      columns,
      [
        ['fail', 's3-public', 'public'],
        ['pass', 'kms-rotation', 'rotates'],
      ],
      { colours: noColours },
    );
    expect(text).toBe('STATUS  INSIGHT       REASON\nfail    s3-public     public\npass    kms-rotation  rotates\n');
  });

  it('fits the terminal: the flexible column wraps on words, other columns are cut with …', () => {
    const text = renderTable(columns, [['fail', 'an-insight-id-that-is-long', long]], { width: 60, colours: noColours });
    const lines = text.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines[1]).toMatch(/^fail {4}an-insight-… {2}the bucket/);
    // Every word of the reason is still there, over several lines.
    expect(
      lines
        .slice(1)
        .map((line) => line.slice(22).trim())
        .join(' '),
    ).toBe(long);
  });

  it('cuts the columns with a maximum further when the terminal is too narrow, the widest first', () => {
    const wide = [
      { header: 'A', max: 30 },
      { header: 'B', max: 15 },
      { header: 'REASON', flex: true },
    ];
    const text = renderTable(wide, [['a'.repeat(30), 'b'.repeat(15), long]], { width: 60, colours: noColours });
    const lines = text.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(60);
    expect(lines[1]!.startsWith(`${'a'.repeat(20)}…  ${'b'.repeat(15)}  the`)).toBe(true);
  });

  it('keeps whole values when there is no terminal width (a file or a pipe)', () => {
    const text = renderTable(columns, [['fail', 'short', long]], { colours: noColours });
    expect(text.split('\n')[1]).toContain(long);
  });

  it('measures coloured cells without their escape codes', () => {
    const c = picocolors.createColors(true);
    const text = renderTable(
      columns,
      [
        [c.red('fail'), 'x', 'y'],
        ['pass', 'x', 'y'],
      ],
      { colours: c },
    );
    // eslint-disable-next-line no-control-regex -- the escape codes are what is stripped
    const plain = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');
    const [, first, second] = text.trimEnd().split('\n').map(plain);
    expect(first!.indexOf('x')).toBe(second!.indexOf('x'));
    expect(text).toContain('\u001b[31mfail');
  });
});
