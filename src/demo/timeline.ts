/**
 * The demo organisation over two days, so that `vigil demo` can record a history: three
 * collections — Thursday 06:00 and 18:00, Friday 06:00 (the demo's inventory) — and what was
 * different then. Earlier moments are the Friday inventory aged backwards:
 *  - a resource created after the moment did not exist yet;
 *  - an event after the moment (a failed execution) had not happened; a "last used" time after it
 *    was, at most, the moment;
 *  - and the story's own changes: what people broke and fixed in between.
 * Dates in the inventory stay where they are; the scan's clock is the moment, so ages are a day
 * younger on Thursday, as they were.
 */
import type { AnyResource } from '../model/resource.js';
import type { ResourceType } from '../model/resource-types.js';
import { COLLECTED_AT } from './accounts.js';

export interface DemoMoment {
  readonly id: string;
  readonly label: string;
  readonly collectedAt: string;
}

export const DEMO_MOMENTS: readonly DemoMoment[] = [
  { id: 'thursday-morning', label: 'Thursday 06:00 UTC', collectedAt: '2026-11-19T06:00:00.000Z' },
  { id: 'thursday-evening', label: 'Thursday 18:00 UTC', collectedAt: '2026-11-19T18:00:00.000Z' },
  { id: 'friday-morning', label: 'Friday 06:00 UTC', collectedAt: COLLECTED_AT },
];

/** What was different at some moments: the resource then, or undefined when it did not exist. */
interface StoryChange {
  readonly story: string;
  readonly account: string;
  readonly type: ResourceType;
  readonly name: RegExp;
  readonly at: readonly string[];
  readonly then: (resource: AnyResource) => AnyResource | undefined;
}

const STORY: readonly StoryChange[] = [
  {
    story: "a data migration suspended versioning on Harbor Bank's reports bucket; the delivery team re-enabled it the same day",
    account: 'harbor-bank-prod',
    type: 'AWS::S3::Bucket',
    name: /^harbor-bank-reports-/,
    at: ['thursday-morning'],
    then: (r) => (r.type === 'AWS::S3::Bucket' ? { ...r, config: { ...r.config, versioning: { status: 'Suspended', mfaDelete: 'Disabled' } } } : r),
  },
  {
    story: "Harbor Bank's bastion: SSH closed to the office network on Thursday afternoon, opened to the world again overnight",
    account: 'harbor-bank-prod',
    type: 'AWS::EC2::SecurityGroup',
    name: /^harbor-bank-bastion$/,
    at: ['thursday-evening'],
    then: (r) =>
      r.type === 'AWS::EC2::SecurityGroup' && Array.isArray(r.config.ingress)
        ? {
            ...r,
            config: { ...r.config, ingress: r.config.ingress.map((rule) => (rule.fromPort === 22 ? { ...rule, ipv4Ranges: ['203.0.113.0/24'] } : rule)) },
          }
        : r,
  },
  {
    story: "automatic rotation of Harbor Bank's data key was off until Friday's change window",
    account: 'harbor-bank-prod',
    type: 'AWS::KMS::Key',
    name: /^alias\/harbor-bank-data$/,
    at: ['thursday-morning', 'thursday-evening'],
    then: (r) =>
      r.type === 'AWS::KMS::Key' && r.config.rotation !== null && typeof r.config.rotation === 'object' && !('$unknown' in r.config.rotation)
        ? { ...r, config: { ...r.config, rotation: { enabled: false, periodDays: null, nextRotationDate: null } } }
        : r,
  },
  {
    story: "Northwind Savings' application security group also let RDP in from anywhere, until Friday",
    account: 'northwind-savings-prod',
    type: 'AWS::EC2::SecurityGroup',
    name: /^northwind-savings-app$/,
    at: ['thursday-morning', 'thursday-evening'],
    then: (r) =>
      r.type === 'AWS::EC2::SecurityGroup' && Array.isArray(r.config.ingress)
        ? {
            ...r,
            config: {
              ...r.config,
              ingress: [
                ...r.config.ingress,
                { protocol: 'tcp', fromPort: 3389, toPort: 3389, ipv4Ranges: ['0.0.0.0/0'], ipv6Ranges: [], prefixListIds: [], referencedGroupIds: [] },
              ],
            },
          }
        : r,
  },
  {
    story: "Northwind Savings' reporting replica was made public on Friday morning",
    account: 'northwind-savings-prod',
    type: 'AWS::RDS::DBInstance',
    name: /^northwind-savings-reporting$/,
    at: ['thursday-morning', 'thursday-evening'],
    then: (r) => (r.type === 'AWS::RDS::DBInstance' ? { ...r, config: { ...r.config, publiclyAccessible: false } } : r),
  },
];

export function demoMoment(id: string): DemoMoment {
  const moment = DEMO_MOMENTS.find((m) => m.id === id);
  if (moment === undefined) throw new Error(`no demo moment '${id}' (known: ${DEMO_MOMENTS.map((m) => m.id).join(', ')})`);
  return moment;
}

/**
 * The resource as it was at the moment (undefined: it did not exist yet). `accountName` is the
 * name of the resource's account.
 */
export function resourceAt(resource: AnyResource, accountName: string, moment: DemoMoment): AnyResource | undefined {
  if (moment.collectedAt >= COLLECTED_AT) return resource;
  if (resource.createdAt !== undefined && resource.createdAt > moment.collectedAt) return undefined;
  let aged: AnyResource | undefined = { ...resource, config: ageValue(resource.config, moment.collectedAt) as never, observedAt: moment.collectedAt };
  for (const change of STORY) {
    if (aged === undefined) break;
    if (change.at.includes(moment.id) && change.account === accountName && change.type === aged.type && change.name.test(aged.name ?? ''))
      aged = change.then(aged);
  }
  return aged;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Times after the moment (up to the inventory's own time): events dropped, other times moved back to the moment. */
function ageValue(value: unknown, moment: string): unknown {
  const later = (text: unknown) => typeof text === 'string' && ISO.test(text) && text > moment && text <= COLLECTED_AT;
  if (Array.isArray(value)) {
    return value
      .filter(
        (item) =>
          !(
            item !== null &&
            typeof item === 'object' &&
            !Array.isArray(item) &&
            Object.entries(item).some(([key, v]) => key.endsWith('Date') && key !== 'lastUsedDate' && later(v))
          ),
      )
      .map((item) => ageValue(item, moment));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, ageValue(v, moment)]));
  }
  return later(value) ? moment : value;
}
