/**
 * `scan --push-security-hub`: sends the scan's ASFF findings to Security Hub with
 * BatchImportFindings. Security Hub takes at most 100 findings per call, imports each into the
 * region it is sent to, and only from the account the finding names (default product ARN), so the
 * findings are batched per account and region. A throttled call (10 TPS per account and region)
 * is retried with back-off; a finding Security Hub refuses (FailedFindings), or every finding of a
 * batch whose call failed for good, is reported by its id with the reason — never dropped.
 */
import { BatchImportFindingsCommand, type AwsSecurityFinding, type SecurityHubClient } from '@aws-sdk/client-securityhub';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { errorMessage } from '../error-message.js';
import { ASFF_BATCH } from './write-asff.js';

/** The one call this module makes: a client, or aws-sdk-client-mock's stand-in for one. */
export type SecurityHubSender = Pick<SecurityHubClient, 'send'>;

export interface PushOptions {
  /** The client for findings of this account in this region. */
  readonly clientFor: (accountId: string, region: string) => SecurityHubSender;
  /** Tries of one call when it is throttled (default 6). */
  readonly maxAttempts?: number;
  /** Waits between tries; tests pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface PushFailure {
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export interface PushReport {
  imported: number;
  failed: PushFailure[];
  /** BatchImportFindings calls made, retries included. */
  calls: number;
}

const THROTTLED = new Set(['LimitExceededException', 'ThrottlingException', 'TooManyRequestsException', 'Throttling']);

function throttled(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (name !== undefined && THROTTLED.has(name)) || $metadata?.httpStatusCode === 429;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function pushToSecurityHub(findings: AsyncIterable<AwsSecurityFinding>, options: PushOptions): Promise<PushReport> {
  const maxAttempts = options.maxAttempts ?? 6;
  const sleep = options.sleep ?? wait;
  const report: PushReport = { imported: 0, failed: [], calls: 0 };
  const pending = new Map<string, AwsSecurityFinding[]>();

  const send = async (key: string, batch: AwsSecurityFinding[]) => {
    const [accountId = '', region = ''] = key.split('/');
    const client = options.clientFor(accountId, region);
    for (let attempt = 1; ; attempt++) {
      report.calls++;
      try {
        const answer = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
        const failed = answer.FailedFindings ?? [];
        for (const failure of failed) report.failed.push({ id: failure.Id ?? '?', code: failure.ErrorCode ?? '?', message: failure.ErrorMessage ?? '' });
        report.imported += answer.SuccessCount ?? batch.length - failed.length;
        return;
      } catch (error) {
        if (throttled(error) && attempt < maxAttempts) {
          // Full jitter over an exponential ceiling: 200 ms, 400 ms ... at most 10 s.
          await sleep(Math.random() * Math.min(10_000, 200 * 2 ** (attempt - 1)));
          continue;
        }
        const code = (error as { name?: string }).name ?? 'Error';
        for (const finding of batch) report.failed.push({ id: finding.Id ?? '?', code, message: errorMessage(error) });
        return;
      }
    }
  };

  for await (const finding of findings) {
    const key = `${finding.AwsAccountId}/${finding.Region ?? ''}`;
    const batch = pending.get(key) ?? [];
    batch.push(finding);
    pending.set(key, batch);
    if (batch.length === ASFF_BATCH) {
      pending.delete(key);
      await send(key, batch);
    }
  }
  for (const [key, batch] of pending) await send(key, batch);
  return report;
}

/** The findings of an ASFF file `--format asff` wrote (one BatchImportFindings request per line). */
export async function* asffFindingsIn(file: string): AsyncGenerator<AwsSecurityFinding> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line !== '') yield* (JSON.parse(line) as { Findings: AwsSecurityFinding[] }).Findings;
  }
}
