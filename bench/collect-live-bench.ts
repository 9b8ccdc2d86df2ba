/**
 * `npm run bench:collect-live [-- --runs N --latency-ms MS]`: times `vigil scan --live` as a user
 * runs it against a local AWS emulator — the built CLI in its own process, credentials and
 * `AWS_ENDPOINT_URL` from the environment — with the 25 insights a Cloud Custodian user would
 * start with, on a small bank SaaS account (test/fakes/aws BANK_SAAS: one region, 14 buckets, 3 KMS
 * keys, 2 DB instances, a few IAM users and groups) served over HTTP by the fake AWS. Twice: with
 * every operation answered, and with ListOrganizationsFeatures answered by an HTTP 500 HTML page,
 * as the emulator of issue 9 does.
 *
 * Reports, per scenario and run, the collection's own seconds (the `done` event of the JSON log),
 * the whole command's (process start to exit: start-up, collection, evaluation), the requests the
 * endpoint received and the attempts at ListOrganizationsFeatures; the last line as one JSON object.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../src/package-root.js';
import { serveFakeAws } from '../test/fakes/aws/http-server.js';
import { BANK_SAAS, expectedResources, FakeAws, syntheticAccount } from '../test/fakes/aws/index.js';

/** What a Cloud Custodian user checks first: storage, databases, keys, identities, network, logging. */
export const CUSTODIAN_STARTER_INSIGHTS: readonly string[] = [
  // S3: public, WORM, archive, CMK encryption, versioning, TLS only.
  's3-bucket-public',
  's3-bucket-object-lock',
  's3-bucket-lifecycle-archive',
  's3-bucket-encryption-cmk',
  's3-bucket-versioning',
  's3-bucket-tls-only',
  // RDS: public, encrypted (with a CMK), Multi-AZ, backups, audit logs.
  'rds-instance-public',
  'rds-instance-encrypted',
  'rds-instance-encryption-cmk',
  'rds-instance-multi-az',
  'rds-instance-backup-retention',
  'rds-instance-audit-logs',
  'kms-key-rotation',
  // IAM: MFA, direct user policies, empty groups, password policy, root MFA, access key age.
  'iam-user-mfa',
  'iam-user-direct-policies',
  'iam-group-empty',
  'iam-password-policy',
  'iam-root-mfa',
  'iam-access-key-age',
  // Network, compute, logging.
  'ec2-sg-admin-ports-open',
  'ec2-ebs-encrypted',
  'ec2-ebs-default-encryption',
  'ec2-instance-imdsv2',
  'cloudtrail-multi-region',
  'config-recorder-enabled',
];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'latency-ms': { type: 'string', default: '0' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
const latencyMs = Number(values['latency-ms']);
if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error('--latency-ms takes a number ≥ 0');

const MISSING = 'iam:ListOrganizationsFeatures';
const account = syntheticAccount({ accountId: '123456789012', ...BANK_SAAS });
const region = account.homeRegion;

interface Run {
  readonly collectSeconds: number;
  readonly commandSeconds: number;
  readonly requests: number;
  readonly missingAttempts: number;
  readonly resources: number;
  readonly code: number;
}

/** One `vigil scan --live` in a child process against the endpoint. */
async function scanOnce(htmlErrors: readonly string[]): Promise<Run> {
  const server = await serveFakeAws(new FakeAws(account, { latencyMs, htmlErrors }));
  const dir = mkdtempSync(join(tmpdir(), 'vigil-collect-live-'));
  try {
    const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'] ?? '' };
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_REGION: region,
      AWS_ENDPOINT_URL: server.url,
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    const args = [
      join(packageRoot(), 'bin', 'vigil.js'),
      'scan',
      '--live',
      '--regions',
      region,
      ...CUSTODIAN_STARTER_INSIGHTS.flatMap((id) => ['--insight', id]),
      // stderr is a pipe: the collection logs one JSON object per line.
      '--format',
      'json',
      '--out',
      join(dir, 'findings.json'),
      '--keep-snapshot',
      join(dir, 'snapshot.jsonl'),
    ];
    const started = performance.now();
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let text = '';
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', reject);
      child.on('close', (exit) => resolve({ code: exit ?? -1, stderr: text }));
    });
    const commandSeconds = (performance.now() - started) / 1000;
    // 0: nothing failed at --fail-on; 1: findings did. Either way the scan ran.
    if (code !== 0 && code !== 1) throw new Error(`vigil scan --live exited ${code}:\n${stderr.slice(-2000)}`);
    const done = stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event?: string; seconds?: number; resources?: number })
      .find((event) => event.event === 'done');
    if (done?.seconds === undefined) throw new Error(`no 'done' event in the log:\n${stderr.slice(-2000)}`);
    return {
      collectSeconds: done.seconds,
      commandSeconds,
      requests: server.requests.length,
      missingAttempts: server.requests.filter((r) => `${r.service}:${r.operation}` === MISSING).length,
      resources: done.resources ?? 0,
      code,
    };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const expected = Object.entries(expectedResources(account))
  .map(([type, n]) => `${n} ${type.replace(/^AWS::/, '')}`)
  .join(', ');
console.log(`bank SaaS account ${account.accountId} in ${region}: ${expected}`);
console.log(
  `vigil scan --live --regions ${region} with ${CUSTODIAN_STARTER_INSIGHTS.length} insights, through AWS_ENDPOINT_URL (fake AWS over HTTP${latencyMs > 0 ? `, ${latencyMs} ms per request` : ''}); ${runs} runs each`,
);

const scenarios = { 'every operation answered': [] as string[], [`${MISSING} answered with an HTML 500 page`]: [MISSING] };
const figures: Record<
  string,
  {
    collectSeconds: { median: number; min: number; max: number };
    commandSeconds: { median: number };
    requests: number;
    missingAttempts: number;
    resources: number;
  }
> = {};
for (const [name, htmlErrors] of Object.entries(scenarios)) {
  const results: Run[] = [];
  for (let i = 0; i < runs; i++) results.push(await scanOnce(htmlErrors));
  const collect = results.map((r) => r.collectSeconds);
  const command = results.map((r) => r.commandSeconds);
  const last = results.at(-1)!;
  console.log(
    `\n${name}:\n  collection ${collect.map((s) => s.toFixed(2)).join(' / ')} s (median ${median(collect).toFixed(2)} s); ` +
      `whole command ${command.map((s) => s.toFixed(2)).join(' / ')} s\n  ${last.resources} resources, ${last.requests} requests` +
      `${htmlErrors.length > 0 ? `, ${last.missingAttempts} attempts at ${MISSING}` : ''}`,
  );
  figures[name] = {
    collectSeconds: { median: round(median(collect)), min: round(Math.min(...collect)), max: round(Math.max(...collect)) },
    commandSeconds: { median: round(median(command)) },
    requests: last.requests,
    missingAttempts: last.missingAttempts,
    resources: last.resources,
  };
}
const worst = Math.max(...Object.values(figures).map((f) => f.collectSeconds.median));
console.log(`\ntarget: collection under 3 s against a local endpoint: ${worst < 3 ? 'met' : 'missed'} (${worst.toFixed(2)} s at worst)`);
console.log(JSON.stringify({ insights: CUSTODIAN_STARTER_INSIGHTS.length, runs, latencyMs, scenarios: figures, mode: 'cli-over-fake-http' }));
