import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBots } from '../../src/bots/load-bots.js';
import { shippedBotFiles, shippedBotIds } from '../../src/bots/shipped-bots.js';
import { loadConfig } from '../../src/config/load-config.js';
import { formatProblem } from '../../src/input/problem.js';
import { builtinInsights } from '../../insights/index.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const insightIds = new Set(builtinInsights.map((insight) => insight.id));

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const bucketBot = `id: my-bot
title: Mine
description: a test bot
resourceType: AWS::S3::Bucket
filters:
  - insight: s3-bucket-public
actions:
  - action: s3-block-public-access
`;

async function load(files: Record<string, string>, configText?: string) {
  const dir = tempDir();
  const paths = Object.entries(files).map(([name, text]) => write(dir, name, text));
  let config;
  if (configText !== undefined) {
    const loaded = await loadConfig(write(dir, 'vigil.yaml', configText));
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    config = loaded.value;
  }
  const loaded = await loadBots({ files: [...shippedBotFiles(), ...paths], config, insightIds });
  return loaded.ok ? { problems: [], bots: loaded.value } : { problems: loaded.problems.map((p) => formatProblem(p).replace(`${dir}/`, '')), bots: [] };
}

describe('loadBots', () => {
  it('loads the shipped bots, dry-run by default', async () => {
    const { problems, bots } = await load({});
    expect(problems).toEqual([]);
    expect(bots.map((bot) => bot.id).sort()).toEqual([...shippedBotIds]);
    expect(bots.every((bot) => bot.mode === 'dry-run')).toBe(true);
  });

  it.each([
    ['an unknown key', bucketBot + 'colour: red\n', "bot.yaml:9:1: colour: unknown field 'colour'"],
    ['an unknown action', bucketBot.replace('s3-block-public-access', 's3-nuke'), "bot.yaml:8:13: actions[0].action: no action with id 's3-nuke'"],
    [
      'an action of another type',
      bucketBot.replace('s3-block-public-access', 'kms-enable-rotation'),
      "bot.yaml:8:13: actions[0].action: 'kms-enable-rotation' acts on AWS::KMS::Key, not AWS::S3::Bucket",
    ],
    ['bad action options', bucketBot + '    options: { force: true }\n', "bot.yaml:9:16: actions[0].options.force: unknown field 'force'"],
    ['an unknown insight', bucketBot.replace('insight: s3-bucket-public', 'insight: s3-nope'), "bot.yaml:6:14: insight: no insight with id 's3-nope'"],
    [
      'an unknown resource type',
      bucketBot.replace('AWS::S3::Bucket', 'AWS::S3::Bukket'),
      "bot.yaml:4:15: resourceType: unknown resource type 'AWS::S3::Bukket'",
    ],
    [
      'a tag test with two tests',
      bucketBot.replace('insight: s3-bucket-public', 'tag: { key: a, present: true, equals: b }'),
      'bot.yaml:6:10: tag: give exactly one of present, absent, equals, matches, future (got present, equals)',
    ],
    [
      'a bad condition path',
      bucketBot.replace('insight: s3-bucket-public', 'condition: { path: config.nope, op: exists }'),
      expect.stringContaining('bot.yaml:6:'),
    ],
    ['an unknown time zone', bucketBot + 'schedule: { timeZone: Mars/Olympus }\n', "bot.yaml:9:23: schedule.timeZone: unknown time zone 'Mars/Olympus'"],
    ['a bad cron', bucketBot + "schedule: { cron: '61 * * * *' }\n", expect.stringMatching(/^bot\.yaml:9:19: schedule\.cron: /)],
    ['inWindow without windows', bucketBot + '    when: { inWindow: true }\n', "bot.yaml:9:23: actions[0].when.inWindow: the bot's schedule has no windows"],
    ['an unknown param', bucketBot + '    when: { accountIn: prod }\n', "bot.yaml:9:24: actions[0].when.accountIn: no param 'prod'"],
    [
      'an exempt status',
      bucketBot.replace('insight: s3-bucket-public', 'insight: s3-bucket-public\n    status: exempt'),
      'bot.yaml:7:13: filters[0].status: must be "fail" or must be "pass" or must be "error" or must be "not-applicable"',
    ],
  ])('refuses %s with its location', async (_name, text, problem) => {
    const { problems } = await load({ 'bot.yaml': text });
    expect(problems).toEqual([problem]);
  });

  it('a bot over several types: an action of one type needs when.resourceType, which must name types of the bot; conditions are checked against each type', async () => {
    const bot = `id: multi
title: Multi
description: users and groups
resourceType: [AWS::IAM::User, AWS::IAM::Group]
filters:
  - { condition: { path: config.groupId, op: exists } }
actions:
  - action: iam-deactivate-access-key
  - action: iam-deactivate-access-key
    when: { resourceType: AWS::IAM::User }
  - action: notify
    when: { resourceType: AWS::S3::Bucket }
    options: { message: hi }
`;
    const { problems } = await load({ 'multi.yaml': bot });
    expect(problems.map((p) => p.replace(/^multi\.yaml:\d+:\d+: /, ''))).toEqual([
      // A group has it, a user does not: checked against each type.
      'config has no field "groupId"; its fields are: userId, path, createDate, passwordEnabled, passwordLastUsed, mfaActive, accessKeys, attachedPolicies, inlinePolicies, groups',
      "actions[0].action: 'iam-deactivate-access-key' acts on AWS::IAM::User, so the step needs when.resourceType: AWS::IAM::User",
      'actions[2].when.resourceType: the bot acts on AWS::IAM::User, AWS::IAM::Group, not AWS::S3::Bucket',
    ]);
  });

  it('refuses a second bot with a shipped id', async () => {
    const { problems } = await load({ 'bot.yaml': bucketBot.replace('id: my-bot', 'id: public-bucket-fix') });
    expect(problems).toEqual([expect.stringMatching(/^bot\.yaml:1:5: id: bot 'public-bucket-fix' is also defined in .*bots\/public-bucket-fix\.yaml$/)]);
  });

  it('applies the overrides of vigil.yaml without copying the file', async () => {
    const { problems, bots } = await load(
      {},
      `bots:
  external-ip-db:
    mode: enforce
    limits: { maxResources: 1 }
    scope: { regions: [eu-west-1] }
    params:
      soc2Accounts: [{ environment: production }]
`,
    );
    expect(problems).toEqual([]);
    const bot = bots.find((b) => b.id === 'external-ip-db')!;
    expect(bot.mode).toBe('enforce');
    expect(bot.limits).toEqual({ maxResources: 1, maxPercent: 25, maxErrors: 1 });
    expect(bot.scope).toEqual({ regions: ['eu-west-1'] });
    expect(bot.steps.find((step) => step.action.id === 'rds-delete')?.accountIn).toEqual([{ environment: 'production' }]);
  });

  it('locates override mistakes in vigil.yaml', async () => {
    const { problems } = await load(
      {},
      `bots:
  no-such-bot: { mode: enforce }
  external-ip-db:
    params: { soc2Accounts: yes }
    schedule: { cron: 'every day' }
`,
    );
    expect(problems).toEqual([
      'vigil.yaml:5:23: schedule.cron: cron must have five fields: minute hour day-of-month month day-of-week',
      'vigil.yaml:4:29: params.soc2Accounts: must be a list of account selectors ({ id, name, environment, tenant, tags })',
      `vigil.yaml:2:3: bots: no bot with id 'no-such-bot' (known: ${shippedBotIds.join(', ')})`,
    ]);
  });

  it('rejects an unknown override key in vigil.yaml at its location', async () => {
    const dir = tempDir();
    const loaded = await loadConfig(write(dir, 'vigil.yaml', 'bots:\n  external-ip-db:\n    filters: []\n'));
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`${dir}/vigil.yaml:3:5: bots.external-ip-db.filters: unknown field 'filters'`]);
  });
});
