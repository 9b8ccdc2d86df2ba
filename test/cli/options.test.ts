import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { flagOf, parseOptions } from '../../src/cli/options/parse-options.js';
import { scanOptions } from '../../src/cli/options/scan.js';
import { vigil } from '../support/cli.js';

describe('parseOptions', () => {
  const spec = {
    schema: Type.Object(
      {
        live: Type.Boolean({ default: false }),
        concurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
        keepSnapshot: Type.Optional(Type.String()),
      },
      { additionalProperties: false },
    ),
    onlyWith: { keepSnapshot: 'live' },
  } as const;

  it('parses numbers and fills defaults at the boundary', () => {
    expect(parseOptions('scan', spec, { live: true, concurrency: '8' })).toEqual({ ok: true, value: { live: true, concurrency: 8 } });
    expect(parseOptions('scan', spec, {})).toEqual({ ok: true, value: { live: false, concurrency: 4 } });
  });

  it('names the option of a bad value, with the value', () => {
    expect(parseOptions('scan', spec, { concurrency: 'many' })).toEqual({ ok: false, errors: ["scan: --concurrency must be integer, got 'many'"] });
    expect(parseOptions('scan', spec, { concurrency: '65' })).toEqual({ ok: false, errors: ["scan: --concurrency must be <= 64, got '65'"] });
  });

  it('refuses an option given without the one it applies with', () => {
    expect(parseOptions('scan', spec, { keepSnapshot: 'kept.jsonl.gz' })).toEqual({ ok: false, errors: ['scan: --keep-snapshot applies only with --live'] });
    expect(parseOptions('scan', spec, { keepSnapshot: 'kept.jsonl.gz', live: true }).ok).toBe(true);
  });

  it('spells option keys as flags', () => {
    expect(flagOf('keepSnapshot')).toBe('--keep-snapshot');
    expect(flagOf('all')).toBe('--all');
  });

  it('gives scan --live every collect option', () => {
    expect(Object.keys(scanOptions.schema.properties)).toEqual(
      expect.arrayContaining(['account', 'regions', 'source', 'profile', 'concurrency', 'log', 'keepSnapshot']),
    );
  });
});

describe('the CLI never ignores what it was told', () => {
  const refused = async (args: string[], message: string) => {
    const run = await vigil(args);
    expect(run.code, args.join(' ')).toBe(2);
    expect(run.stderr).toContain(message);
  };

  it('refuses collection options on a snapshot scan and --keep-snapshot without --live', async () => {
    await refused(['scan', '--snapshot', 's.jsonl', '--account', '111122223333'], 'scan: --account applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--regions', 'eu-west-1'], 'scan: --regions applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--concurrency', '2'], 'scan: --concurrency applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--source', 'config'], 'scan: --source applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--log', 'text'], 'scan: --log applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--keep-snapshot', 'k.jsonl.gz'], 'scan: --keep-snapshot applies only with --live');
    await refused(['scan', '--snapshot', 's.jsonl', '--live'], 'scan: --snapshot does not apply with --live');
  });

  it('exits 2 naming --concurrency when it is not a whole number from 1 to 64', async () => {
    await refused(['collect', '--out', 'x.jsonl', '--concurrency', 'lots'], "collect: --concurrency must be integer, got 'lots'");
    await refused(['scan', '--live', '--concurrency', '0'], "scan: --concurrency must be >= 1, got '0'");
  });

  it('documents the exit codes in the help of every command', async () => {
    for (const command of [
      ['demo'],
      ['collect'],
      ['scan'],
      ['iam-policy'],
      ['validate'],
      ['policy', 'analyze'],
      ['insights', 'list'],
      ['packs', 'list'],
      ['packs', 'coverage'],
    ]) {
      const run = await vigil([...command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout, command.join(' ')).toMatch(/Exit codes:\n {2}0 {2}.+\n(.*\n)* {2}2 {2}.+\n {2}3 {2}.+/);
    }
  });
});
