/** YAML documents with aliases: a configuration that shares one block, and a billion-laughs bomb. */

/** A config whose accounts all share the first one's `params` through `params: *p`. */
export function sharedParamsConfig(accounts: number, maxRotationPeriodDays = 400): string {
  const lines = ['accounts:'];
  for (let index = 0; index < accounts; index += 1) {
    lines.push(`  - id: "${accountId(index)}"`, `    name: account-${index}`);
    if (index === 0) lines.push('    params: &p', '      kms-key-rotation:', `        maxRotationPeriodDays: ${maxRotationPeriodDays}`);
    else lines.push('    params: *p');
  }
  return `${lines.join('\n')}\n`;
}

export function accountId(index: number): string {
  return String(100_000_000_000 + index);
}

/**
 * Ten levels of ten aliases each (10^9 "lol"s), after `prefix`. Anchor *a4 stands for 111,111
 * nodes, so the eighth *a4 on the `lol5` line, at column 40, is the one that takes the document
 * past a million nodes.
 */
export function billionLaughs(prefix = ''): { text: string; line: number; column: number } {
  const lines = [`lol0: &a0 [${Array(10).fill('lol').join(',')}]`];
  for (let level = 1; level < 10; level += 1)
    lines.push(
      `lol${level}: &a${level} [${Array(10)
        .fill(`*a${level - 1}`)
        .join(',')}]`,
    );
  const prefixLines = prefix === '' ? 0 : prefix.split('\n').length - 1;
  return { text: `${prefix}${lines.join('\n')}\n`, line: prefixLines + 6, column: 40 };
}
