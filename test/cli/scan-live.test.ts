/**
 * `vigil scan --live`: the command line end to end on mocked AWS clients — collect the account of
 * the current credentials, keep only what the selected insight needs, evaluate, report.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const sts = mockClient(STSClient);
const kms = mockClient(KMSClient);
const ACCOUNT = '123456789012';
const $metadata = { httpStatusCode: 200 };

// The default credential chain reads these; no real AWS is reached (the clients are mocked).
const saved = { ...process.env };
beforeEach(() => {
  process.env['AWS_ACCESS_KEY_ID'] = 'AKIDEXAMPLE';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'secret';
  process.env['AWS_REGION'] = 'eu-west-1';
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/auditor`, UserId: 'AIDAEXAMPLE', $metadata });
  kms.on(ListKeysCommand).resolves({ Keys: [{ KeyId: 'k-1', KeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k-1` }], Truncated: false, $metadata });
  kms.on(DescribeKeyCommand).resolves({
    KeyMetadata: {
      AWSAccountId: ACCOUNT,
      KeyId: 'k-1',
      Arn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k-1`,
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
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: false, $metadata });
});
afterEach(() => {
  sts.reset();
  kms.reset();
  process.env = { ...saved };
});

describe('vigil scan --live', () => {
  it('collects what the insight needs, evaluates it and keeps the snapshot when asked', async () => {
    const kept = join(tempDir(), 'live.jsonl.gz');
    const run = await vigil(['scan', '--live', '--insight', 'kms-key-rotation', '--regions', 'eu-west-1', '--keep-snapshot', kept, '--fail-on', 'medium']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as ScanOutput;
    expect(output.findings).toEqual([
      expect.objectContaining({
        insight: 'kms-key-rotation',
        status: 'fail',
        resource: expect.objectContaining({ arn: `arn:aws:kms:eu-west-1:${ACCOUNT}:key/k-1` }) as unknown,
      }),
    ]);
    expect(output.scan.accounts).toEqual([expect.objectContaining({ id: ACCOUNT, resources: 1 })]);
    expect(existsSync(kept)).toBe(true);
    expect(run.stderr).toMatch(/wrote 1 resource from 1 of 1 account to /);
  });

  it('takes the collect options --source, --log and --concurrency; --log text prints text lines', async () => {
    const run = await vigil([
      'scan',
      '--live',
      '--insight',
      'kms-key-rotation',
      '--regions',
      'eu-west-1',
      '--source',
      'api',
      '--log',
      'text',
      '--concurrency',
      '2',
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^\S+Z account 123456789012 \(\S+\): started$/m);
    expect(run.stderr).toMatch(/^\S+Z done: 1 resources, \d+ API calls/m);
    expect(run.stderr).not.toMatch(/^\{/m);
    const json = await vigil(['scan', '--live', '--insight', 'kms-key-rotation', '--regions', 'eu-west-1', '--log', 'json']);
    expect(json.stderr).toMatch(/^\{.*"msg":"account-start"/m);
  });
});
