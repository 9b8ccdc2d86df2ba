/**
 * `npm run bench:collect -- --resources N`: collects one synthetic account of about N resources
 * (default 5,000) in two regions through Vigil's real collectors and orchestration — the caller
 * identity, then `collectOrganisation` with the enabled regions, settings and resource collectors,
 * as `vigil collect` runs them — with every AWS API answered locally in its documented wire format
 * by test/fakes/aws (the SDK clients run whole: serialisation, signing, retries, Vigil's
 * call-counting middleware). Then collects IAM alone at 100 and at 1,000 users, and the account
 * again with `source: 'config'` — per account and region, then through an aggregator — checking
 * that AWS Config's items give the same values as the APIs did.
 *
 * Reports API calls per operation (Vigil's CallStats) and per resource type (each call attributed
 * to the collector that made it), calls per resource, S3 calls per bucket, IAM calls at both user
 * counts, calls made twice with the same input, the Config source's calls per resource, and the
 * elapsed time. Prints the figures, the last line as one JSON object.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { parseArgs } from 'node:util';
import { callerIdentity } from '../src/collect/organisation/account-targets.js';
import { AwsClients } from '../src/collect/aws/aws-clients.js';
import type { CallSummary } from '../src/collect/aws/call-stats.js';
import { collectOrganisation } from '../src/collect/organisation/collect-organisation.js';
import { selectionOf } from '../src/app/live-collection.js';
import { prepareScan } from '../src/app/prepare-scan.js';
import type { ResourceType } from '../src/model/resource-types.js';
import type { CollectEvent } from '../src/collect/progress/collect-log.js';
import type { AnyResourceCollector, AnySettingsCollector } from '../src/collect/contract/collector.js';
import { resourceCollectors, settingsCollectors } from '../src/collect/collectors/index.js';
import { iamCollectors, IamSnapshots } from '../src/collect/collectors/iam/index.js';
import { DEFAULT_RATES } from '../src/collect/aws/limiter.js';
import type { CoverageEntry } from '../src/snapshot/coverage.js';
import { configSourceTypes, fieldsNotInConfig, isConfigSourceType } from '../src/collect/config-source/config-collectors.js';
import type { AnyCollectedResource } from '../src/model/resource.js';
import { isUnknown } from '../src/model/unknown.js';
import { isDeepStrictEqual } from 'node:util';
import { AGGREGATOR_NAME, expectedResources, FakeAws, syntheticAccount, type ObservedCall, type SyntheticAccount } from '../test/fakes/aws/index.js';

const { values } = parseArgs({
  options: {
    resources: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '42' },
    'latency-ms': { type: 'string', default: '0' },
  },
});
const target = Number(values.resources);
if (!Number.isInteger(target) || target < 100) throw new Error('--resources takes a whole number ≥ 100');
const seed = Number(values.seed);
const latencyMs = Number(values['latency-ms']);
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency-ms takes a number ≥ 0');

const CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
/** Calls no collector makes: the caller's identity, the proof of the account, its enabled regions. */
const ORCHESTRATION = '(orchestration)';

interface Selection {
  readonly resources: readonly AnyResourceCollector[];
  readonly settings: readonly AnySettingsCollector[];
}

interface Run {
  readonly account: SyntheticAccount;
  readonly seconds: number;
  /** Process CPU time over the run (user + system): steadier than the elapsed time on a busy machine. */
  readonly cpuSeconds: number;
  readonly byOperation: Record<string, CallSummary>;
  readonly byService: Record<string, CallSummary>;
  readonly calls: number;
  readonly observed: readonly (ObservedCall & { readonly label: string })[];
  readonly resources: ReadonlyMap<string, number>;
  /** The resources of the types `keep` named. */
  readonly kept: readonly AnyCollectedResource[];
  readonly coverage: readonly CoverageEntry[];
  readonly collectorSeconds: ReadonlyMap<string, number>;
}

/** The collector, its calls made in an async context that names it. */
function attributed<C extends AnyResourceCollector | AnySettingsCollector>(collector: C, label: string, context: AsyncLocalStorage<string>): C {
  const inner = collector as { collect(ctx: unknown): Promise<unknown> };
  return { ...collector, collect: (ctx: unknown) => context.run(label, () => inner.collect(ctx)) };
}

const settingsLabel = (c: AnySettingsCollector) => `${c.resourceType} (${c.service} settings)`;

interface CollectOptions {
  /** The fields to collect per type (what the packs read); undefined: every field. */
  readonly fields?: ReadonlyMap<ResourceType, ReadonlySet<string>>;
  readonly source?: 'api' | 'config';
  /** With `source: 'config'`: read the Config-source types through this aggregator (in the home region). */
  readonly aggregator?: string;
  /** Resources of these types are kept whole in the run (for comparing sources). */
  readonly keep?: ReadonlySet<string>;
}

async function collect(account: SyntheticAccount, selection: Selection, options: CollectOptions = {}): Promise<Run> {
  const { fields, source, aggregator, keep } = options;
  const context = new AsyncLocalStorage<string>();
  const observed: (ObservedCall & { label: string })[] = [];
  const fake = new FakeAws(account, { latencyMs, observe: (call) => observed.push({ ...call, label: context.getStore() ?? ORCHESTRATION }) });
  const clients = new AwsClients({
    defaultCredentials: CREDENTIALS,
    clientConfig: (service, region) => ({ requestHandler: fake.handlerFor(service, region) }),
  });
  const resources = new Map<string, number>();
  const kept: AnyCollectedResource[] = [];
  const collectorSeconds = new Map<string, number>();
  const log = {
    emit(event: CollectEvent) {
      if (event.event === 'collector-done') collectorSeconds.set(event.resourceType, event.seconds);
    },
  };
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    // What `vigil collect` does for the account of the current credentials (src/app/live-collection.ts).
    const caller = await context.run(`${ORCHESTRATION.slice(0, -1)}: caller identity)`, () => callerIdentity(clients, account.homeRegion));
    if (!caller.ok) throw new Error(`GetCallerIdentity failed: ${caller.code}: ${caller.message}`);
    const collected = await collectOrganisation(
      {
        targets: [{ accountId: caller.accountId, entry: { id: caller.accountId, name: 'bench' }, tags: {} }],
        regions: undefined,
        homeRegion: account.homeRegion,
        partition: caller.partition,
        callerAccountId: caller.accountId,
        ...(fields !== undefined && { fields }),
        ...(source !== undefined && { source }),
        ...(aggregator !== undefined && { aggregator: { name: aggregator, region: account.homeRegion, accountId: caller.accountId } }),
        resourceCollectors: selection.resources.map((c) => attributed(c, c.resourceType, context)),
        settingsCollectors: selection.settings.map((c) => attributed(c, settingsLabel(c), context)),
        concurrency: 4,
        jitterMs: 0,
      },
      clients,
      (resource) => {
        resources.set(resource.type, (resources.get(resource.type) ?? 0) + 1);
        if (keep?.has(resource.type) === true) kept.push(resource);
      },
      log,
      () => new Date(account.now),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    if (collected.degraded) throw new Error(`the account was not collected: ${JSON.stringify(collected.coverage.list())}`);
    const stats = clients.stats;
    return {
      account,
      seconds,
      cpuSeconds,
      byOperation: stats.byOperation(),
      byService: stats.byService(),
      calls: stats.total().calls,
      observed,
      resources,
      kept,
      coverage: collected.coverage.list(),
      collectorSeconds,
    };
  } finally {
    clients.destroy();
  }
}

// ---------------------------------------------------------------- figures

function round(value: number, places = 3): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** Columns: the first left-aligned, numbers right-aligned, a last text column left as it is. */
function table(rows: readonly (readonly (string | number)[])[], header: readonly string[], lastIsText = false): string {
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const cell = (text: string, i: number) => (i === 0 ? text.padEnd(widths[i]!) : lastIsText && i === header.length - 1 ? text : text.padStart(widths[i]!));
  return all.map((row) => row.map(cell).join('  ')).join('\n');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Calls sent again with the same operation and input (same host, path, query, body). */
function duplicates(observed: readonly (ObservedCall & { readonly label: string })[]): { extra: number; calls: { call: string; times: number; by: string }[] } {
  const byKey = countBy(observed, (call) => call.key);
  const calls: { call: string; times: number; by: string }[] = [];
  let extra = 0;
  for (const [key, times] of byKey) {
    if (times < 2) continue;
    extra += times - 1;
    const same = observed.filter((c) => c.key === key);
    const call = same[0]!;
    calls.push({ call: `${call.service}:${call.operation} (${call.region})`, times, by: [...new Set(same.map((c) => c.label))].join(', ') });
  }
  return { extra, calls };
}

function iamCallsOf(run: Run): number {
  return run.byService['iam']?.calls ?? 0;
}

// ---------------------------------------------------------------- the main run

const account = syntheticAccount({ accountId: '210987654321', resources: target, seed });
const expected = expectedResources(account);
console.log(
  `synthetic account ${account.accountId}: ${Object.values(expected).reduce((a, b) => a + (b ?? 0), 0)} resources in ${account.regions.join(', ')}` +
    `${latencyMs > 0 ? `, ${latencyMs} ms simulated round trip` : ''}; API answered in its wire format by test/fakes/aws (SDK clients run whole)`,
);
// What a scan with every shipped pack reads: only the operations filling those fields run.
const prepared = await prepareScan({ now: new Date(account.now) });
if (!prepared.ok) throw new Error(`the shipped packs do not load: ${JSON.stringify(prepared.usage)}`);
const packFields = selectionOf(prepared.value.plan);
const main = await collect(account, { resources: resourceCollectors, settings: settingsCollectors }, { fields: packFields, keep: new Set(configSourceTypes) });

const mismatches = Object.entries(expected).filter(([type, n]) => (main.resources.get(type) ?? 0) !== n);
if (mismatches.length > 0) {
  const found = mismatches.map(([type, n]) => `${type}: expected ${n}, collected ${main.resources.get(type) ?? 0}`).join('; ');
  throw new Error(`the collection does not match the synthetic account (${found}); coverage: ${JSON.stringify(main.coverage.slice(0, 5))}`);
}
if (main.observed.length !== main.calls) throw new Error(`CallStats counted ${main.calls} calls, the fake AWS answered ${main.observed.length} first attempts`);

console.log(
  `\ncollected in ${main.seconds.toFixed(2)} s (CPU ${main.cpuSeconds.toFixed(2)} s): ${main.calls} API calls (${Object.values(main.byOperation).reduce((a, s) => a + s.retries, 0)} retries)`,
);
console.log(`\nAPI calls per operation (CallStats; "failed" are documented not-configured answers such as NoSuchBucketPolicy):`);
console.log(
  table(
    Object.entries(main.byOperation).map(([op, s]) => [op, s.calls, s.failures]),
    ['operation', 'calls', 'failed'],
  ),
);

// Per resource type: the calls its collector made (IAM's shared reads count for the collector that started them).
const byLabel = countBy(main.observed, (c) => c.label);
const opsByLabel = new Map<string, Map<string, number>>();
for (const call of main.observed) {
  const ops = opsByLabel.get(call.label) ?? new Map<string, number>();
  ops.set(`${call.service}:${call.operation}`, (ops.get(`${call.service}:${call.operation}`) ?? 0) + 1);
  opsByLabel.set(call.label, ops);
}
const resourcesOfLabel = (label: string) => main.resources.get(label.replace(/ \(.*\)$/, '')) ?? 0;
const labelRows = [...byLabel.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([label, calls]) => {
    const n = label.startsWith('(') ? 0 : resourcesOfLabel(label);
    const ops = [...opsByLabel.get(label)!.entries()].map(([op, c]) => `${op.split(':')[1]} ${c}`).join(', ');
    return [label, n, calls, n > 0 ? round(calls / n, 2) : '-', ops];
  });
console.log(`\nAPI calls per resource type (by the collector that made them; settings collectors fill AWS::Account / AWS::Account::Region):`);
console.log(table(labelRows, ['collector', 'resources', 'calls', 'per resource', 'operations'], true));

const callsPerResource: Record<string, number> = {};
for (const [type, n] of [...main.resources.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const calls = [...byLabel.entries()].filter(([label]) => label === type || label.startsWith(`${type} (`)).reduce((a, [, c]) => a + c, 0);
  callsPerResource[type] = round(calls / n);
}
const iamTypes = ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'];
const iamResources = iamTypes.reduce((a, t) => a + (main.resources.get(t) ?? 0), 0);
const iamResourceCalls = main.observed.filter((c) => iamTypes.includes(c.label)).length;
callsPerResource['AWS::IAM::*'] = round(iamResourceCalls / iamResources);
console.log(
  `IAM resource collectors share one GetAccountAuthorizationDetails read (and the user collector the account's credential report): ` +
    `${iamResourceCalls} calls for ${iamResources} IAM resources = ${round(iamResourceCalls / iamResources)} per resource`,
);

const buckets = main.resources.get('AWS::S3::Bucket') ?? 0;
const s3Calls = main.byService['s3']?.calls ?? 0;
const s3PerBucket = round(s3Calls / buckets);
const s3SubDocuments = Object.entries(main.byOperation).filter(([op]) => op.startsWith('s3:Get')).length;
console.log(
  `\nS3: ${s3Calls} calls for ${buckets} buckets = ${s3PerBucket} per bucket (${s3SubDocuments} sub-documents read per bucket; ListBuckets pages shared)`,
);

const dup = duplicates(main.observed);
console.log(
  `duplicate calls (same operation and input twice in the run): ${dup.extra}${dup.calls.map((d) => `\n  ${d.call} ×${d.times}, by ${d.by}`).join('')}`,
);

// The rate budgets (EC2, RDS: calls per second per account and region) put a floor under the time.
const rateLines = Object.entries(DEFAULT_RATES).map(([service, perSecond]) => {
  const perRegion = account.regions.map((region) => main.observed.filter((c) => c.service === service && c.region === region).length);
  // Each region's bucket starts full (one second's worth).
  const floor = (calls: number) => Math.max(0, (calls - perSecond) / perSecond);
  const sideBySide = Math.max(...perRegion.map(floor));
  const oneAfterAnother = perRegion.reduce((a, calls) => a + floor(calls), 0);
  return `${service} ${perRegion.join(' + ')} calls at ${perSecond}/s per region: ≥ ${sideBySide.toFixed(1)} s with the regions side by side, ${oneAfterAnother.toFixed(1)} s one after another`;
});
console.log(`\nelapsed ${main.seconds.toFixed(2)} s (CPU ${main.cpuSeconds.toFixed(2)} s); rate budgets: ${rateLines.join('; ')}`);
console.log(
  `slowest collectors: ${[...main.collectorSeconds.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([t, sec]) => `${t} ${sec.toFixed(2)} s`)
    .join(', ')}`,
);
const coverageCodes = countBy(main.coverage, (e) => `${e.service}:${e.operation} ${e.error.code}`);
console.log(`coverage entries: ${main.coverage.length}${[...coverageCodes.entries()].map(([code, n]) => `\n  ${code} ×${n}`).join('')}`);

// ---------------------------------------------------------------- IAM at 100 and 1,000 users

const iamRuns: Record<string, number> = {};
console.log(`\nIAM alone (AWS::Account and the four IAM types; everything else in the account as above):`);
for (const users of [100, 1000]) {
  const iamAccount = syntheticAccount({ accountId: `3000000${String(users).padStart(5, '0')}`, resources: target, seed, iamUsers: users });
  const iam = iamCollectors(new IamSnapshots());
  const run = await collect(iamAccount, { resources: [iam.group, iam.policy, iam.role, iam.user], settings: [iam.account] });
  if (run.resources.get('AWS::IAM::User') !== users) throw new Error(`IAM run: expected ${users} users, collected ${run.resources.get('AWS::IAM::User') ?? 0}`);
  iamRuns[String(users)] = iamCallsOf(run);
  const ops = Object.entries(run.byOperation)
    .filter(([op]) => op.startsWith('iam:'))
    .map(([op, s]) => `${op.slice(4)} ${s.calls}`)
    .join(', ');
  const customerPolicies = iamAccount.policies.filter((p) => !p.arn.startsWith('arn:aws:iam::aws:')).length;
  console.log(
    `  ${String(users).padStart(5)} users (${iamAccount.groups.length} groups, ${iamAccount.roles.length} roles, ${customerPolicies} customer-managed policies): ${iamCallsOf(run)} IAM calls — ${ops}`,
  );
}

// ---------------------------------------------------------------- the Config source

/**
 * The calls the Config source made: its queries by type (the expression names it) and the recorder
 * reads deciding which types Config records (the CIS settings collector's own recorder reads, made
 * in the API run too, are not counted).
 */
function configCallsOf(run: Run): { select: Map<string, number>; recorder: number; total: number } {
  const select = new Map<string, number>();
  let recorder = 0;
  for (const call of run.observed) {
    if (call.service !== 'config' || !call.label.startsWith('(')) continue;
    const type = /resourceType = '([^']+)'/.exec(call.key)?.[1];
    if (call.operation.startsWith('Select') && type !== undefined) select.set(type, (select.get(type) ?? 0) + 1);
    else recorder++;
  }
  return { select, recorder, total: [...select.values()].reduce((a, b) => a + b, recorder) };
}

/**
 * Fields whose values differ between the API and the Config run, both read (unknown on either side
 * is not compared: Config lacks some fields, the packs leave others unread).
 */
function sourceDifferences(api: readonly AnyCollectedResource[], config: readonly AnyCollectedResource[]): { compared: number; differences: string[] } {
  const byArn = new Map(api.map((r) => [r.arn, r]));
  const differences: string[] = [];
  let compared = 0;
  for (const fromConfig of config) {
    const fromApi = byArn.get(fromConfig.arn);
    if (fromApi === undefined) {
      differences.push(`${fromConfig.arn}: not collected from the API`);
      continue;
    }
    // Fields Config does not record by design (a KMS key's name follows its aliases) are not compared.
    const lacking = new Set<string>(isConfigSourceType(fromConfig.type) ? fieldsNotInConfig(fromConfig.type) : []);
    const pairs: [string, unknown, unknown][] = [
      ['name', fromApi.name, fromConfig.name],
      ['tags', fromApi.tags, fromConfig.tags],
      ['createdAt', fromApi.createdAt, fromConfig.createdAt],
      ...Object.entries(fromConfig.config as Record<string, unknown>).map(([field, value]): [string, unknown, unknown] => [
        field,
        (fromApi.config as Record<string, unknown>)[field],
        value,
      ]),
    ];
    for (const [field, a, c] of pairs) {
      if (lacking.has(field) || isUnknown(a) || isUnknown(c)) continue;
      compared++;
      if (!isDeepStrictEqual(a, c)) differences.push(`${fromConfig.type} ${field} (${fromConfig.id}): API ${JSON.stringify(a)}, Config ${JSON.stringify(c)}`);
    }
  }
  return { compared, differences };
}

const everything = { resources: resourceCollectors, settings: settingsCollectors };
const configRuns = {
  'per account and region (SelectResourceConfig)': await collect(account, everything, {
    fields: packFields,
    source: 'config',
    keep: new Set(configSourceTypes),
  }),
  'through an aggregator (SelectAggregateResourceConfig)': await collect(account, everything, {
    fields: packFields,
    source: 'config',
    aggregator: AGGREGATOR_NAME,
    keep: new Set(configSourceTypes),
  }),
};
const configTypeResources = configSourceTypes.reduce((a, type) => a + (expected[type] ?? 0), 0);
const apiCallsForConfigTypes = main.observed.filter((c) => (configSourceTypes as readonly string[]).includes(c.label)).length;
console.log(
  `
Config source (--source config, the packs' fields; ${configSourceTypes.join(', ')}: ${configTypeResources} resources, ` +
    `which the API collectors above read with ${apiCallsForConfigTypes} calls = ${round(apiCallsForConfigTypes / configTypeResources)} per resource):`,
);
const configFigures: Record<
  string,
  {
    configCalls: number;
    configCallsPerResource: number;
    s3FillCalls: number;
    callsPerResource: number;
    calls: number;
    resources: number;
    parityDifferences: number;
  }
> = {};
for (const [name, run] of Object.entries(configRuns)) {
  const wrong = Object.entries(expected).filter(([type, n]) => (run.resources.get(type) ?? 0) !== n);
  if (wrong.length > 0)
    throw new Error(`Config run ${name}: ${wrong.map(([type, n]) => `${type}: expected ${n}, collected ${run.resources.get(type) ?? 0}`).join('; ')}`);
  const config = configCallsOf(run);
  // With the Config source the S3 calls are the fill of what Config does not record (ownership controls).
  const s3Fill = run.byService['s3']?.calls ?? 0;
  const forTypes = config.total + s3Fill;
  const parity = sourceDifferences(main.kept, run.kept);
  const rows = configSourceTypes.map((type) => {
    const n = run.resources.get(type) ?? 0;
    const calls = config.select.get(type) ?? 0;
    return [type, n, calls, n > 0 ? round(calls / n) : '-'];
  });
  console.log(`
  ${name}: ${run.calls} API calls in all, ${run.seconds.toFixed(2)} s`);
  console.log(table(rows, ['  Config query per type', 'resources', 'calls', 'per resource']).replace(/^/gm, '  '));
  console.log(
    `  Config calls: ${config.total} (${config.recorder} recorder reads) for ${configTypeResources} resources = ${round(config.total / configTypeResources)} per resource` +
      `; with the S3 fill (${s3Fill} calls: ${
        Object.entries(run.byOperation)
          .filter(([op]) => op.startsWith('s3:'))
          .map(([op, c]) => `${op.slice(3)} ${c.calls}`)
          .join(', ') || 'none'
      }) ${round(forTypes / configTypeResources)} per resource`,
  );
  const codes = countBy(run.coverage, (e) => `${e.service}:${e.operation} ${e.error.code}`);
  console.log(`  coverage entries: ${run.coverage.length}${[...codes.entries()].map(([code, n]) => `; ${code} ×${n}`).join('')}`);
  console.log(
    `  same values as the API run: ${parity.compared} fields compared, ${parity.differences.length} differ${parity.differences
      .slice(0, 5)
      .map((d) => `\n    ${d}`)
      .join('')}`,
  );
  configFigures[name.replace(/ \(.*\)$/, '')] = {
    configCalls: config.total,
    configCallsPerResource: round(config.total / configTypeResources),
    s3FillCalls: s3Fill,
    callsPerResource: round(forTypes / configTypeResources),
    calls: run.calls,
    resources: configTypeResources,
    parityDifferences: parity.differences.length,
  };
}
const worstConfig = Math.max(...Object.values(configFigures).map((f) => f.configCallsPerResource));

// The targets of issue 3 ("Performance").
const iamGrowth = (iamRuns['1000'] ?? 0) - (iamRuns['100'] ?? 0);
console.log(
  `\ntargets: IAM calls independent of users: ${iamGrowth <= 1 ? 'met' : 'missed'} (${iamRuns['100']} → ${iamRuns['1000']}${iamGrowth === 1 ? ', one more GetAccountAuthorizationDetails page' : ''}); ` +
    `S3 calls per bucket ≤ 8: ${s3PerBucket <= 8 ? 'met' : 'missed'} (${s3PerBucket}); no duplicate calls: ${dup.extra === 0 ? 'met' : `missed (${dup.extra})`}; ` +
    `Config source ≤ 0.02 Config calls per resource: ${worstConfig <= 0.02 ? 'met' : 'missed'} (${Object.values(configFigures)
      .map((f) => f.configCallsPerResource)
      .join(' per account and region, ')} through an aggregator)`,
);

const figures = {
  resources: [...main.resources.values()].reduce((a, b) => a + b, 0),
  calls: main.calls,
  callsPerResource,
  s3CallsPerBucket: s3PerBucket,
  iamCalls: iamRuns,
  configSource: configFigures,
  callsByService: Object.fromEntries(Object.entries(main.byService).map(([service, summary]) => [service, summary.calls])),
  duplicateCalls: dup.extra,
  seconds: round(main.seconds),
  cpuSeconds: round(main.cpuSeconds),
  mode: 'sdk-over-fake-http',
};
console.log(JSON.stringify(figures));
