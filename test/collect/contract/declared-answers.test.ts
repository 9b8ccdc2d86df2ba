/**
 * Error codes an operation declares as `answers` (a dry run's DryRunOperationException, a probe's
 * AccessDeniedException) come back from `send` as answers: no coverage entry, and `unknownOf`
 * refuses them; any other code of the same operation is a failure as before.
 */
import { mockClient } from 'aws-sdk-client-mock';
import { DryRunOperationException, GenerateDataKeyCommand, KMSClient, KMSServiceException } from '@aws-sdk/client-kms';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../../src/collect/aws/aws-clients.js';
import type { Outcome } from '../../../src/collect/contract/collect-context.js';
import { defineCollector } from '../../../src/collect/contract/collector.js';
import { CoverageRecorder } from '../../../src/collect/contract/coverage-recorder.js';
import { collectResources } from '../../../src/collect/contract/run-collector.js';
import { TEST_CREDENTIALS } from '../support/fake-http.js';

const kms = mockClient(KMSClient);
afterEach(() => kms.reset());

const KEY = 'arn:aws:kms:eu-west-1:605178863043:key/e270ac5f-03c0-40e3-a9e6-37e9bde9d300';

/** Sends one dry run and hands the outcome (and what unknownOf does with it) to the test. */
async function dryRun(): Promise<{ outcome: Outcome<object>; unknownOf: () => unknown; coverage: number }> {
  let seen: { outcome: Outcome<object>; unknownOf: () => unknown } | undefined;
  const probe = defineCollector({
    resourceType: 'AWS::KMS::SharedKey',
    service: 'kms',
    scope: 'account',
    operations: [{ operation: 'GenerateDataKey', iamAction: 'kms:GenerateDataKey', fills: ['usable'], required: true, answers: ['DryRunOperationException'] }],
    async collect(ctx) {
      const outcome = await ctx.send(new GenerateDataKeyCommand({ KeyId: KEY, KeySpec: 'AES_256', DryRun: true }));
      seen = { outcome, unknownOf: () => (outcome.ok ? undefined : ctx.unknownOf(outcome)) };
    },
  });
  const clients = new AwsClients({ defaultCredentials: TEST_CREDENTIALS, retryDelay: () => 1 });
  const coverage = new CoverageRecorder();
  try {
    await collectResources(probe, { accountId: '111122223333', regions: [], homeRegion: 'eu-west-1', clients, coverage });
    if (seen === undefined) throw new Error('the probe did not run');
    const unknownOf = seen.unknownOf;
    // unknownOf records in coverage when it accepts the outcome: count before calling it.
    return { outcome: seen.outcome, unknownOf, coverage: coverage.list().length };
  } finally {
    clients.destroy();
  }
}

describe('declared answers', () => {
  it('returns a declared error code as an answer, recorded nowhere', async () => {
    kms
      .on(GenerateDataKeyCommand)
      .rejects(
        new DryRunOperationException({ message: 'The request would have succeeded, but the DryRun option is set.', $metadata: { httpStatusCode: 412 } }),
      );
    const { outcome, unknownOf, coverage } = await dryRun();
    expect(outcome).toMatchObject({ ok: false, answered: true, notConfigured: false, failure: { code: 'DryRunOperationException' } });
    expect(coverage).toBe(0);
    expect(unknownOf).toThrow(/a declared answer, not a failure/);
  });

  it('keeps other codes of the operation failures', async () => {
    kms.on(GenerateDataKeyCommand).rejects(
      new KMSServiceException({
        name: 'AccessDeniedException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'not authorized to perform: kms:GenerateDataKey',
      }),
    );
    const { outcome, unknownOf } = await dryRun();
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'AccessDeniedException' } });
    expect(outcome).not.toHaveProperty('answered');
    expect(unknownOf()).toEqual({ $unknown: 'AccessDeniedException: kms:GenerateDataKey' });
  });
});
