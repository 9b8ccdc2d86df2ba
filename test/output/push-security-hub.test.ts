/**
 * `--push-security-hub`: BatchImportFindings with aws-sdk-client-mock, answers shaped as the
 * Security Hub API reference documents them (SuccessCount, FailedCount, FailedFindings of
 * ImportFindingsError { Id, ErrorCode, ErrorMessage }); throttling as the SDK raises it
 * (LimitExceededException, HTTP 429).
 */
import {
  AccessDeniedException,
  BatchImportFindingsCommand,
  LimitExceededException,
  SecurityHubClient,
  type AwsSecurityFinding,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { pushToSecurityHub } from '../../src/output/push-security-hub.js';

const hub = mockClient(SecurityHubClient);
afterEach(() => hub.reset());

const A = '111111111111';
const B = '222222222222';

function finding(n: number, accountId = A, region = 'us-east-1'): AwsSecurityFinding {
  return {
    SchemaVersion: '2018-10-08',
    Id: `vigil/${accountId}-${region}-${n}`,
    ProductArn: `arn:aws:securityhub:${region}:${accountId}:product/${accountId}/default`,
    GeneratorId: 'vigil/kms-key-rotation',
    AwsAccountId: accountId,
    Region: region,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    CreatedAt: '2026-06-01T12:00:00.000Z',
    UpdatedAt: '2026-06-01T12:00:00.000Z',
    Severity: { Label: 'MEDIUM' },
    Title: 'KMS keys rotate',
    Description: 'automatic rotation is off',
    Resources: [{ Type: 'AwsKmsKey', Id: `arn:aws:kms:${region}:${accountId}:key/${n}` }],
  };
}

async function* stream(findings: readonly AwsSecurityFinding[]): AsyncGenerator<AwsSecurityFinding> {
  yield* findings;
}

const regions: string[] = [];
const clientFor = (_account: string, region: string) => {
  regions.push(region);
  return new SecurityHubClient({ region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
};
const noWait = () => Promise.resolve();
const allImported = (input: { Findings?: AwsSecurityFinding[] }) => ({ SuccessCount: input.Findings?.length ?? 0, FailedCount: 0, FailedFindings: [] });

describe('pushToSecurityHub', () => {
  it('sends batches of at most 100 findings, each of one account and one region', async () => {
    hub.on(BatchImportFindingsCommand).callsFake(allImported);
    const findings = [
      ...Array.from({ length: 250 }, (_, n) => finding(n)),
      ...Array.from({ length: 3 }, (_, n) => finding(n, A, 'eu-west-1')),
      ...Array.from({ length: 2 }, (_, n) => finding(n, B)),
    ];
    regions.length = 0;
    const report = await pushToSecurityHub(stream(findings), { clientFor, sleep: noWait });
    expect(report).toEqual({ imported: 255, failed: [], calls: 5 });
    const batches = hub.commandCalls(BatchImportFindingsCommand).map((call) => call.args[0].input.Findings!);
    expect(batches.map((batch) => batch.length).sort((a, b) => a - b)).toEqual([2, 3, 50, 100, 100]);
    for (const batch of batches) expect(new Set(batch.map((f) => `${f.AwsAccountId}/${f.Region}`)).size).toBe(1);
    expect(new Set(batches.flat().map((f) => f.Id)).size).toBe(255);
    expect(regions.sort()).toEqual(['eu-west-1', 'us-east-1', 'us-east-1', 'us-east-1', 'us-east-1']);
  });

  it('reports each finding Security Hub refuses, by id, with its error', async () => {
    hub.on(BatchImportFindingsCommand).resolves({
      SuccessCount: 2,
      FailedCount: 1,
      FailedFindings: [{ Id: 'vigil/111111111111-us-east-1-1', ErrorCode: 'InvalidInput', ErrorMessage: 'Finding does not adhere to Amazon Finding Format.' }],
    });
    const report = await pushToSecurityHub(stream([finding(0), finding(1), finding(2)]), { clientFor, sleep: noWait });
    expect(report).toEqual({
      imported: 2,
      failed: [{ id: 'vigil/111111111111-us-east-1-1', code: 'InvalidInput', message: 'Finding does not adhere to Amazon Finding Format.' }],
      calls: 1,
    });
  });

  it('retries a throttled call with back-off, and gives up after the last try naming every finding of the batch', async () => {
    const throttling = () =>
      new LimitExceededException({ $metadata: { httpStatusCode: 429 }, message: 'Rate exceeded', Message: 'Rate exceeded', Code: 'LimitExceededException' });
    hub.on(BatchImportFindingsCommand).rejectsOnce(throttling()).rejectsOnce(throttling()).callsFake(allImported);
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    expect(await pushToSecurityHub(stream([finding(0), finding(1)]), { clientFor, sleep })).toEqual({ imported: 2, failed: [], calls: 3 });
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeLessThanOrEqual(400);

    hub.reset();
    hub.on(BatchImportFindingsCommand).rejects(throttling());
    const report = await pushToSecurityHub(stream([finding(0), finding(1)]), { clientFor, sleep: noWait, maxAttempts: 3 });
    expect(report.calls).toBe(3);
    expect(report.imported).toBe(0);
    expect(report.failed.map((failure) => [failure.id, failure.code])).toEqual([
      ['vigil/111111111111-us-east-1-0', 'LimitExceededException'],
      ['vigil/111111111111-us-east-1-1', 'LimitExceededException'],
    ]);
  });

  it('does not retry a refusal that is not throttling', async () => {
    hub
      .on(BatchImportFindingsCommand)
      .rejects(
        new AccessDeniedException({ $metadata: { httpStatusCode: 403 }, message: 'not authorized', Message: 'not authorized', Code: 'AccessDeniedException' }),
      );
    const report = await pushToSecurityHub(stream([finding(0)]), { clientFor, sleep: noWait });
    expect(report).toEqual({
      imported: 0,
      failed: [{ id: 'vigil/111111111111-us-east-1-0', code: 'AccessDeniedException', message: expect.stringContaining('not authorized') as unknown }],
      calls: 1,
    });
  });
});
