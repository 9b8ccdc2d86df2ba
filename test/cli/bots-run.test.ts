/**
 * `vigil bots plan | apply | run` end to end on mocked AWS clients (exact command inputs): the
 * kms-key-rotation bot on one account whose key does not rotate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeKeyCommand,
  EnableKeyRotationCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const sts = mockClient(STSClient);
const kms = mockClient(KMSClient);
const ACCOUNT = '123456789012';
const ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k-1`;
const $metadata = { httpStatusCode: 200 };
const NOW = '2026-12-08T10:00:00.000Z';

const saved = { ...process.env };
let rotating = false;
beforeEach(() => {
  rotating = false;
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'secret';
  process.env['AWS_REGION'] = 'eu-west-1';
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/bots`, UserId: 'AIDAEXAMPLE', $metadata });
  kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k-1', KeyArn: ARN }], Truncated: false, $metadata });
  kms.on(DescribeKeyCommand).resolves({
    KeyMetadata: {
      AWSAccountId: ACCOUNT,
      KeyId: 'k-1',
      Arn: ARN,
      CreationDate: new Date('2025-01-01T00:00:00Z'),
      Enabled: true,
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeyState: 'Enabled',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      MultiRegion: false,
    },
    $metadata,
  });
  kms.on(GetKeyRotationStatusCommand).callsFake(() => ({ KeyRotationEnabled: rotating, ...(rotating && { RotationPeriodInDays: 365 }), $metadata }));
  kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }), PolicyName: 'default', $metadata });
  kms.on(ListAliasesCommand).resolves({ Aliases: [], Truncated: false, $metadata });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [], Truncated: false, $metadata });
  kms.on(EnableKeyRotationCommand).callsFake(() => {
    rotating = true;
    return { $metadata };
  });
});
afterEach(() => {
  sts.reset();
  kms.reset();
  process.env = { ...saved };
});

const enableCalls = () => kms.commandCalls(EnableKeyRotationCommand).map((call) => call.args[0].input);

describe('vigil bots plan | apply | run', () => {
  it('plans with the exact calls and the SHA-256, sending nothing that changes anything', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.json');
    const planned = await vigil(['bots', 'plan', 'kms-key-rotation', '--regions', 'eu-west-1', '--out', out, '--log', 'json'], NOW);
    expect(planned.stderr).not.toContain('error');
    expect(planned.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8')) as {
      sha256: string;
      plan: { bots: { bot: string; mode: string; resources: { arn: string; steps: unknown[] }[] }[] };
    };
    expect(planned.stdout).toContain(`sha256 ${file.sha256}`);
    expect(planned.stdout).toContain('kms-key-rotation (dry-run): 1 matched, 1 changes (kms-enable-rotation k-1)');
    expect(file.plan.bots.map((bot) => [bot.bot, bot.mode, bot.resources.map((r) => r.arn)])).toEqual([['kms-key-rotation', 'dry-run', [ARN]]]);
    expect(file.plan.bots[0]!.resources[0]!.steps).toEqual([
      expect.objectContaining({
        action: 'kms-enable-rotation',
        kind: 'change',
        calls: [{ service: 'kms', operation: 'EnableKeyRotation', input: { KeyId: 'k-1' }, permission: 'kms:EnableKeyRotation' }],
      }),
    ]);
    expect(enableCalls()).toEqual([]);
  });

  it('applies an enforced plan once, exactly; refuses a changed file, a wrong hash, a stale plan and a replay', async () => {
    const dir = tempDir();
    const out = join(dir, 'plan.json');
    const store = `sqlite:${join(dir, 'vigil.db')}`;
    expect((await vigil(['bots', 'plan', 'kms-key-rotation', '--enforce', '--regions', 'eu-west-1', '--out', out, '--log', 'json'], NOW)).code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const { sha256 } = JSON.parse(text) as { sha256: string };

    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, text.replace('"KeyId": "k-1"', '"KeyId": "k-2"'));
    const changed = await vigil(['bots', 'apply', '--plan', tampered, '--store', store], NOW);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('the plan was changed after it was made');
    const wrongHash = await vigil(['bots', 'apply', '--plan', out, '--sha256', '0'.repeat(64), '--store', store], NOW);
    expect(wrongHash.code).toBe(2);
    const stale = await vigil(['bots', 'apply', '--plan', out, '--store', store], '2026-12-08T12:00:00.000Z');
    expect(stale.code).toBe(2);
    expect(stale.stderr).toContain('stale');
    expect(enableCalls()).toEqual([]);

    const applied = await vigil(['bots', 'apply', '--plan', out, '--sha256', sha256, '--store', store], NOW);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('succeeded');
    expect(enableCalls()).toEqual([{ KeyId: 'k-1' }]);
    const replay = await vigil(['bots', 'apply', '--plan', out, '--store', store], NOW);
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain('applied already');
    expect(enableCalls()).toHaveLength(1);

    const audit = JSON.parse((await vigil(['audit', 'show', '--store', store, '--format', 'json'])).stdout) as {
      planHash: string;
      detail: { result: string };
    }[];
    expect(audit.map((r) => [r.detail.result, r.planHash])).toEqual([
      ['succeeded', sha256],
      ['started', sha256],
    ]);
    expect((await vigil(['audit', 'verify', '--store', store])).code).toBe(0);
  });

  it('run --enforce plans and applies; a second run changes nothing; the apply skips a key changed since the plan', async () => {
    const dir = tempDir();
    const store = `sqlite:${join(dir, 'vigil.db')}`;
    const first = await vigil(['bots', 'run', 'kms-key-rotation', '--enforce', '--regions', 'eu-west-1', '--store', store, '--log', 'json'], NOW);
    expect(first.code).toBe(0);
    expect(enableCalls()).toEqual([{ KeyId: 'k-1' }]);
    const second = await vigil(['bots', 'run', 'kms-key-rotation', '--enforce', '--regions', 'eu-west-1', '--store', store, '--log', 'json'], NOW);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('kms-key-rotation (enforce): 0 matched');
    expect(enableCalls()).toHaveLength(1);

    rotating = false;
    const out = join(dir, 'plan.json');
    // A minute later: the same content made at the same instant would be the plan the run applied already.
    const later = '2026-12-08T10:01:00.000Z';
    await vigil(['bots', 'plan', 'kms-key-rotation', '--enforce', '--regions', 'eu-west-1', '--out', out, '--log', 'json'], later);
    rotating = true; // fixed by hand meanwhile
    const applied = await vigil(['bots', 'apply', '--plan', out, '--store', store], later);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('skipped-changed');
    expect(enableCalls()).toHaveLength(1);
  });

  it('names an unknown bot, a bad --now and an event no step runs on (exit 2)', async () => {
    const out = join(tempDir(), 'plan.json');
    const unknown = await vigil(['bots', 'plan', 'no-such-bot', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("no bot with id 'no-such-bot'");
    expect((await vigil(['bots', 'plan', '--out', out, '--now', 'tomorrow'])).stderr).toContain('--now');
    const event = await vigil(['bots', 'run', 'kms-key-rotation', '--event', 'deployment-complete']);
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('no step of kms-key-rotation runs on it');
  });
});
