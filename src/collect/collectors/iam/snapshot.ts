/**
 * An account's IAM state read once for all IAM collectors: GetAccountAuthorizationDetails (every
 * page; users, groups, roles and managed policies with their attachments and documents) and the
 * credential report (generated only when missing or older than four hours, polled with back-off).
 *
 * Each read is shared through the account run (`ctx.shared`): the four IAM resource collectors
 * share the authorization details, the account settings collector and the user collector the
 * credential report, whichever asks first making the read and the others awaiting it in flight.
 * Only those two wait on the report while IAM generates it; the polls sleep outside the IAM
 * budget, so other IAM calls go on meanwhile. The reads end with the account's run: the next
 * collection reads afresh.
 *
 * Results are raw (SDK shapes, failures as `Failed` values) and nothing is recorded in coverage
 * here: each collector records a failure for its own resource type.
 */
import { setTimeout as sleepFor } from 'node:timers/promises';
import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GroupDetail,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from '@aws-sdk/client-iam';
import type { ResourceType } from '../../../model/resource-types.js';
import { unknown } from '../../../model/unknown.js';
import type { CallRef, Failed, SettingsContext } from '../../contract/collect-context.js';
import { unknownReason } from '../../contract/coverage-recorder.js';
import { uniqueBy } from '../../contract/normalise.js';
import { readAllPages } from '../../contract/paginate.js';
import { parseCredentialReport, UNREADABLE_REPORT, type CredentialReport } from './credential-report.js';

export interface AuthorizationDetails {
  readonly users: readonly UserDetail[];
  readonly groups: readonly GroupDetail[];
  readonly roles: readonly RoleDetail[];
  readonly policies: readonly ManagedPolicyDetail[];
  /** Where the lists came from: coverage entries about their contents (an unparsable document) name it. */
  readonly call: CallRef;
  /** Set when a page failed: the lists hold the pages before it, so relations between entities are incomplete. */
  readonly failed?: Failed;
}

export type CredentialReportRead =
  { readonly ok: true; readonly report: CredentialReport; readonly call: CallRef } | { readonly ok: false; readonly failed: Failed };

export interface IamSnapshotOptions {
  /** Waits between credential report polls (ms); default a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The waits between polls while IAM generates the report; when they run out the report is unknown. */
  readonly pollDelays?: readonly number[];
}

/** 1 s doubling to 15 s, about five minutes in all: a report of thousands of users takes minutes. */
export const DEFAULT_POLL_DELAYS: readonly number[] = [1_000, 2_000, 4_000, 8_000, ...Array<number>(19).fill(15_000)];
/** IAM regenerates a report at most every four hours; an older one is stale. */
export const REPORT_MAX_AGE_MS = 4 * 60 * 60_000;

/** Every entity type, so one read serves all four collectors; AWS-managed policies come back only when attached. */
export const AUTHORIZATION_FILTER = ['User', 'Group', 'Role', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

/** The wire code over HTTP, or the SDK class name where an error carries no code (mocks). */
const REPORT_MISSING = new Set(['ReportNotPresent', 'CredentialReportNotPresentException']);
const REPORT_EXPIRED = new Set(['ReportExpired', 'CredentialReportExpiredException']);
const REPORT_IN_PROGRESS = new Set(['ReportInProgress', 'CredentialReportNotReadyException']);

type Ctx = SettingsContext<ResourceType>;

/** How the IAM collectors of an account read what they share; the reads themselves live in the account run. */
export class IamSnapshots {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollDelays: readonly number[];

  constructor(options: IamSnapshotOptions = {}) {
    this.sleep = options.sleep ?? ((ms) => sleepFor(ms));
    this.pollDelays = options.pollDelays ?? DEFAULT_POLL_DELAYS;
  }

  /** Every page of GetAccountAuthorizationDetails, sent through `ctx` unless another IAM collector of the run already read it. */
  authorizationDetails<T extends ResourceType>(ctx: SettingsContext<T>): Promise<AuthorizationDetails> {
    return ctx.shared('iam:GetAccountAuthorizationDetails', () => readAuthorizationDetails(ctx));
  }

  /** The credential report, fresh (≤ 4 hours), generated if need be; sent through `ctx` unless already read in the run. */
  credentialReport<T extends ResourceType>(ctx: SettingsContext<T>): Promise<CredentialReportRead> {
    return ctx.shared('iam:GetCredentialReport', () => readCredentialReport(ctx, this.sleep, this.pollDelays));
  }
}

/**
 * The collector's context for a shared read: it sends as the collector, but a failure is only
 * reported back, not recorded — every collector using the read records it for its own type.
 */
function recordingNothing(ctx: Ctx): Ctx {
  return {
    accountId: ctx.accountId,
    region: ctx.region,
    partition: ctx.partition,
    resourceType: ctx.resourceType,
    now: () => ctx.now(),
    runs: (operation, service) => ctx.runs(operation, service),
    send: (command, options) => ctx.send(command, options),
    unknownOf: (outcome) => unknown(unknownReason(outcome.failure.code, outcome.call.service, outcome.call.operation)),
    unreadable: (call, code) => unknown(unknownReason(code, call.service, call.operation)),
    notCollected: (operation, service) => ctx.notCollected(operation, service),
    shared: (key, load) => ctx.shared(key, load),
  };
}

async function readAuthorizationDetails(ctx: Ctx): Promise<AuthorizationDetails> {
  const pages = await readAllPages(recordingNothing(ctx), {
    command: (marker) =>
      new GetAccountAuthorizationDetailsCommand({ Filter: [...AUTHORIZATION_FILTER], MaxItems: 1000, ...(marker !== undefined ? { Marker: marker } : {}) }),
    items: (page: GetAccountAuthorizationDetailsCommandOutput) => [page],
    next: (page) => ({ token: page.IsTruncated === true ? page.Marker : undefined, truncated: page.IsTruncated === true }),
  });
  const details: AuthorizationDetails = {
    // Entries without a name are kept (by ARN or id) for the collectors to name in coverage.
    users: uniqueBy(
      pages.items.flatMap((page) => page.UserDetailList ?? []),
      (user) => user.UserName ?? user.Arn ?? user.UserId ?? '',
    ),
    groups: uniqueBy(
      pages.items.flatMap((page) => page.GroupDetailList ?? []),
      (group) => group.GroupName ?? group.Arn ?? group.GroupId ?? '',
    ),
    roles: uniqueBy(
      pages.items.flatMap((page) => page.RoleDetailList ?? []),
      (role) => role.RoleName ?? role.Arn ?? role.RoleId ?? '',
    ),
    policies: uniqueBy(
      pages.items.flatMap((page) => page.Policies ?? []),
      (policy) => policy.Arn ?? policy.PolicyId ?? policy.PolicyName ?? '',
    ),
    call: { service: 'iam', operation: 'GetAccountAuthorizationDetails', region: ctx.region },
  };
  return pages.failed !== undefined ? { ...details, failed: pages.failed } : details;
}

function failedWith(call: CallRef, code: string, message: string): CredentialReportRead {
  return { ok: false, failed: { ok: false, notConfigured: false, failure: { code, message }, call } };
}

/**
 * GetCredentialReport; when there is none, it expired or it is older than four hours,
 * GenerateCredentialReport, polled with back-off while IAM answers STARTED / INPROGRESS (or
 * GetCredentialReport answers ReportInProgress), then GetCredentialReport again.
 */
async function readCredentialReport(ctx: Ctx, sleep: (ms: number) => Promise<void>, pollDelays: readonly number[]): Promise<CredentialReportRead> {
  const waits = pollDelays[Symbol.iterator]();
  let waited = 0;
  /** Waits for the next poll; false when the waits have run out. */
  const pause = async (): Promise<boolean> => {
    const next = waits.next();
    if (next.done === true) return false;
    waited += next.value;
    await sleep(next.value);
    return true;
  };
  const timedOut = (call: CallRef) =>
    failedWith(call, 'CredentialReportNotReady', `IAM was still generating the credential report after ${Math.round(waited / 1000)} s of polling`);

  const first = await ctx.send(new GetCredentialReportCommand({}));
  if (first.ok) {
    const generated = first.value.GeneratedTime;
    const stale = generated !== undefined && ctx.now().getTime() - generated.getTime() > REPORT_MAX_AGE_MS;
    if (!stale) return parsed(first.value, first.call);
  } else {
    const code = first.failure.code;
    if (!REPORT_MISSING.has(code) && !REPORT_EXPIRED.has(code) && !REPORT_IN_PROGRESS.has(code)) return { ok: false, failed: first };
  }

  // A report being generated needs no second request for one, only time.
  let generate = first.ok || !REPORT_IN_PROGRESS.has(first.failure.code);
  if (!generate && !(await pause())) return timedOut(first.call);
  for (;;) {
    if (generate) {
      const started = await ctx.send(new GenerateCredentialReportCommand({}));
      if (!started.ok) return { ok: false, failed: started };
      if (started.value.State !== 'COMPLETE') {
        if (!(await pause())) return timedOut(started.call);
        continue;
      }
    }
    const got = await ctx.send(new GetCredentialReportCommand({}));
    // Just generated: taken whatever GeneratedTime says, rather than generating forever on a skewed clock.
    if (got.ok) return parsed(got.value, got.call);
    const code = got.failure.code;
    if (REPORT_IN_PROGRESS.has(code)) generate = false;
    else if (REPORT_MISSING.has(code) || REPORT_EXPIRED.has(code)) generate = true;
    else return { ok: false, failed: got };
    if (!(await pause())) return timedOut(got.call);
  }
}

function parsed(value: { Content?: Uint8Array | undefined; GeneratedTime?: Date | undefined }, call: CallRef): CredentialReportRead {
  const report = parseCredentialReport(value.Content, value.GeneratedTime);
  return report.ok ? { ok: true, report: report.report, call } : failedWith(call, UNREADABLE_REPORT, report.message);
}
