/**
 * Turns a custom insight file (already parsed from YAML) into an `Insight`, once, before any
 * evaluation. Mistakes come back as data, each pointing into the definition, so the loader can
 * report them at `file:line:column`; nothing is thrown for a user's error.
 *
 * The schema (ajv) is the judge of validity for the whole file. Condition trees are additionally
 * compiled node by node, which explains their mistakes far better than ajv can through a
 * recursive union (it would list every branch the node failed to be), checks paths and values
 * against the resource type, and compiles regular expressions.
 */
import type { ErrorObject } from 'ajv';
import { NoParams, type Insight } from '../engine/define-insight.js';
import { isResourceType } from '../model/resource-types.js';
import { validatorFor } from '../schemas/ajv.js';
import { compileCondition, type CompiledCondition } from '../conditions/compile-condition.js';
import { CustomInsightSchema, type CustomInsightDefinition } from './custom-insight-schema.js';
import { customInsightReads } from './custom-insight-reads.js';
import { customVerdict, type CompiledCustomInsight } from './custom-verdict.js';
import { inDocumentOrder, isPlainObject, issuesFromAjv, type CompileResult, type DefinitionIssue } from '../conditions/definition-issue.js';

export interface CustomInsightSource {
  /** The file the definition was read from; it is the insight's documentation. */
  readonly file: string;
}

const CONDITION_FIELDS = ['appliesTo', 'condition'] as const;

export function compileCustomInsight(definition: unknown, source: CustomInsightSource): CompileResult<Insight> {
  if (!isPlainObject(definition)) {
    return { ok: false, issues: [{ path: [], message: 'a custom insight must be a mapping of id, title, resourceType, severity, description, condition …' }] };
  }
  const validate = validatorFor(CustomInsightSchema);
  const valid = validate(definition);
  const schemaErrors = valid ? [] : (validate.errors ?? []);
  const under = (field: string) => (error: ErrorObject) => error.instancePath === `/${field}` || error.instancePath.startsWith(`/${field}/`);
  const issues: DefinitionIssue[] = issuesFromAjv(
    schemaErrors.filter((error) => !CONDITION_FIELDS.some((field) => under(field)(error))),
    definition,
  );

  const resourceType = typeof definition['resourceType'] === 'string' && isResourceType(definition['resourceType']) ? definition['resourceType'] : undefined;
  const compiled: Partial<Record<(typeof CONDITION_FIELDS)[number], CompiledCondition>> = {};
  for (const field of CONDITION_FIELDS) {
    if (!Object.hasOwn(definition, field)) continue;
    const result = compileCondition(definition[field], [field], { resourceType });
    if (result.ok) compiled[field] = result.value;
    else issues.push(...result.issues);
    // The schema is the judge: should the compiler ever accept what the schema rejects, report ajv's view.
    const rejected = schemaErrors.filter(under(field));
    if (result.ok && rejected.length > 0) issues.push(...issuesFromAjv(rejected, definition));
  }

  if (!valid || issues.length > 0 || compiled.condition === undefined) return { ok: false, issues: inDocumentOrder(issues, definition) };
  return { ok: true, value: customInsight(definition, source, { appliesTo: compiled.appliesTo, condition: compiled.condition }) };
}

/** The `Insight`: metadata copied out of the definition, and an evaluate that holds only compiled conditions. */
function customInsight(definition: CustomInsightDefinition, source: CustomInsightSource, compiled: CompiledCustomInsight): Insight {
  return {
    id: definition.id,
    title: definition.title,
    resourceType: definition.resourceType,
    severity: definition.severity,
    description: definition.description,
    rationale: definition.rationale ?? '',
    remediation: { cli: definition.remediation?.cli ?? '', console: definition.remediation?.console ?? '' },
    lookups: [],
    reads: customInsightReads(
      definition.resourceType,
      CONDITION_FIELDS.map((field) => definition[field]),
    ),
    params: NoParams,
    origin: 'custom',
    docsPath: source.file,
    evaluate: (resource, ctx) => customVerdict(compiled, resource, ctx),
  };
}
