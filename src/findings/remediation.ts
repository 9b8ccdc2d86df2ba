/**
 * The fix a finding carries: its insight's console steps, the CLI command with the resource's own
 * identifiers filled in where the command names them (`<bucket>`, `<key-id>`: each resource type
 * declares its placeholders; `<region>`, `<account-id>`, `<account>` and `<arn>` hold for every
 * resource), and the insight's documentation page. Placeholders the resource cannot fill (another
 * key, a topic to notify) stay for the reader to choose.
 */
import { Type, type Static } from '@sinclair/typebox';
import { GLOBAL_REGION } from '../model/resource.js';
import { definitionOf, isResourceType } from '../model/resource-types.js';

export const FindingRemediation = Type.Object(
  {
    console: Type.String({ description: 'Console steps' }),
    cli: Type.String({ description: "AWS CLI command(s), with this resource's identifiers filled in; other <placeholders> left to choose" }),
    docs: Type.String({ description: "The insight's documentation page (docs/insights/<id>.md), or a custom insight's file" }),
  },
  { additionalProperties: false },
);
export type FindingRemediation = Static<typeof FindingRemediation>;

/** What a finding's remediation is made from: the insight's. */
export interface RemediationSource {
  readonly id: string;
  readonly remediation: { readonly cli: string; readonly console: string };
  readonly docsPath: string;
}

export interface RemediationSubject {
  readonly arn: string;
  readonly type: string;
  readonly accountId: string;
  readonly region: string;
  readonly id: string;
  readonly name: string;
}

type Field = 'id' | 'name' | 'arn' | 'accountId' | 'region';

/** The pieces of a command: literal text, or a field of the resource. */
type Template = readonly (string | { readonly field: Field; readonly placeholder: string })[];

const PLACEHOLDER = /(<[a-z][a-z0-9-]*>)/;

const EVERY_RESOURCE: Readonly<Record<string, Field>> = { '<account-id>': 'accountId', '<account>': 'accountId', '<arn>': 'arn', '<region>': 'region' };

/** Per insight, per resource type: the finding remediation (when nothing is filled in) or the template. */
const compiled = new WeakMap<RemediationSource, Map<string, FindingRemediation | Template>>();

export function remediationFor(insight: RemediationSource, resource: RemediationSubject): FindingRemediation {
  let byType = compiled.get(insight);
  if (byType === undefined) {
    byType = new Map();
    compiled.set(insight, byType);
  }
  let entry = byType.get(resource.type);
  if (entry === undefined) {
    entry = compile(insight, resource.type);
    byType.set(resource.type, entry);
  }
  if (!Array.isArray(entry)) return entry as FindingRemediation;
  const template = entry as Template;
  let cli = '';
  for (const piece of template) cli += typeof piece === 'string' ? piece : fill(resource, piece);
  return { console: insight.remediation.console, cli, docs: insight.docsPath };
}

function compile(insight: RemediationSource, type: string): FindingRemediation | Template {
  const own = isResourceType(type) ? (definitionOf(type).placeholders ?? {}) : {};
  const fields: Record<string, Field> = { ...EVERY_RESOURCE, ...own };
  let filled = false;
  const template = insight.remediation.cli.split(PLACEHOLDER).map((piece, index) => {
    const field = index % 2 === 1 ? fields[piece] : undefined;
    if (field === undefined) return piece;
    filled = true;
    return { field, placeholder: piece };
  });
  return filled ? template : { console: insight.remediation.console, cli: insight.remediation.cli, docs: insight.docsPath };
}

/** An account-wide resource's region (`global`) names no region: its placeholder stays. */
function fill(resource: RemediationSubject, piece: { readonly field: Field; readonly placeholder: string }): string {
  const value = resource[piece.field];
  return piece.field === 'region' && value === GLOBAL_REGION ? piece.placeholder : shellWord(value);
}

/** A value as one shell word: as it is when it holds only characters no shell treats specially, else single-quoted. */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9._/:@+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
