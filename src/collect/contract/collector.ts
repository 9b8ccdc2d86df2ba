/**
 * The collector contract (after Cloud Custodian's resource managers): a collector declares every
 * API operation it makes — with the IAM action that allows it and the model fields it fills — and
 * `collect(ctx)` may send only those. From the declarations follow
 *  - which operations a scan needs: the required ones (they enumerate resources or fill fields
 *    that cannot be unknown) plus those filling a field the selected insights read
 *    ({@link operationsToRun}); a field whose operation does not run is `NotCollected`;
 *  - the least-privilege read-only policy (`vigil iam-policy --scan`, {@link requiredPermissions});
 *  - a guard: the context refuses to send an undeclared or unselected operation (a programmer
 *    error, thrown), so a declaration cannot drift from the code.
 */
import type { ConfigOf, ResourceType } from '../../model/resource-types.js';
import type { CollectContext, SettingsContext } from './collect-context.js';
import type { ServiceName } from '../aws/services.js';

/** Envelope fields a collector may fill besides `config`. */
export type EnvelopeField = 'name' | 'tags' | 'createdAt';

/** A field of the resource model: a `config` key or an envelope field. */
export type FieldOf<T extends ResourceType> = (keyof ConfigOf<T> & string) | EnvelopeField;

export interface OperationDeclaration<T extends ResourceType> {
  /** The API operation, as the SDK names its command without `Command`: `GetBucketPolicy`. */
  readonly operation: string;
  /** The service whose client sends it; default: the collector's service. */
  readonly service?: ServiceName;
  /** The IAM action that allows the call: `s3:GetBucketPolicy`. */
  readonly iamAction: string;
  /**
   * Further actions the call needs (AWS documents that DescribeStacks without a stack name needs
   * cloudformation:ListStacks too).
   */
  readonly alsoRequires?: readonly string[];
  /** The model fields the call fills; empty for calls that only enumerate or locate. */
  readonly fills: readonly FieldOf<T>[];
  /** Runs whatever the selection: it enumerates the resources or fills fields that cannot be unknown. */
  readonly required?: boolean;
  /**
   * The call that tells which resources exist (ListKeys, DescribeDBInstances): when it fails, what
   * it would have listed is unknown. Every other call only reads about resources already listed,
   * and its failure leaves fields unknown, never a resource out.
   */
  readonly lists?: boolean;
  /** Error codes the API documents for "not configured": the fields it fills are null or empty, not unknown. */
  readonly notConfigured?: readonly string[];
  /**
   * Error codes that are the call's answer, not a failure: a dry run's DryRunOperationException
   * ("would succeed"), a permission probe's AccessDeniedException. `send` returns them with
   * `answered: true` and records nothing; the collector reads the code as the value.
   */
  readonly answers?: readonly string[];
}

interface CollectorBase<T extends ResourceType> {
  readonly resourceType: T;
  /** The service of most operations; an operation may name another. */
  readonly service: ServiceName;
  /** `account`: once per account (global services, account settings); `region`: once per enabled region. */
  readonly scope: 'account' | 'region';
  readonly operations: readonly OperationDeclaration<T>[];
}

/** Collects every resource of one type. */
export interface ResourceCollector<T extends ResourceType> extends CollectorBase<T> {
  readonly kind: 'resources';
  collect(ctx: CollectContext<T>): Promise<void>;
  /**
   * Reads one named resource (`ctx` is in its region, or the home region for account-scoped
   * collectors): emits it with the selected fields, or nothing when it no longer exists. Without
   * it, `readResource` collects the region and picks the resource out.
   */
  readOne?(ctx: CollectContext<T>, target: { readonly id: string; readonly region: string }): Promise<void>;
}

/**
 * Collects some settings of a resource that other collectors complete — e.g. the account-level
 * S3 Block Public Access of `AWS::Account`, whose other fields come from IAM.
 */
export interface SettingsCollector<T extends ResourceType, F extends keyof ConfigOf<T> & string> extends CollectorBase<T> {
  readonly kind: 'settings';
  /** The config fields it returns, all of them, always (unknown or NotCollected when unread). */
  readonly fields: readonly F[];
  collect(ctx: SettingsContext<T>): Promise<Pick<ConfigOf<T>, F>>;
}

/** A resource collector of any type, as registries hold them. */
export type AnyResourceCollector = { [T in ResourceType]: ResourceCollector<T> }[ResourceType];

/**
 * A settings collector of any type and field set, as registries hold them (the field set is
 * erased: the orchestrator merges what each returns into its type's resource).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- erasing F; see the comment above
export type AnySettingsCollector = { [T in ResourceType]: SettingsCollector<T, any> }[ResourceType];

/** An operation declaration of any resource type. */
export interface DeclaredOperation {
  readonly operation: string;
  readonly service?: ServiceName;
  readonly iamAction: string;
  readonly alsoRequires?: readonly string[];
  readonly fills: readonly string[];
  readonly required?: boolean;
  readonly lists?: boolean;
  readonly notConfigured?: readonly string[];
  readonly answers?: readonly string[];
}

/** Anything that declares operations: enough to compute permissions. */
export interface DeclaresOperations {
  readonly service: ServiceName;
  readonly operations: readonly DeclaredOperation[];
}

const IAM_ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;
const OPERATION = /^[A-Z][A-Za-z0-9]+$/;

function checkDeclarations(name: string, operations: readonly { operation: string; service?: string; iamAction: string }[], service: string): void {
  const seen = new Set<string>();
  for (const op of operations) {
    if (!OPERATION.test(op.operation)) throw new Error(`collector ${name}: operation '${op.operation}' is not an API operation name`);
    if (!IAM_ACTION.test(op.iamAction)) throw new Error(`collector ${name}: ${op.operation}: '${op.iamAction}' is not an IAM action`);
    const key = `${op.service ?? service}:${op.operation}`;
    if (seen.has(key)) throw new Error(`collector ${name}: ${key} is declared twice`);
    seen.add(key);
  }
}

export function defineCollector<T extends ResourceType>(collector: Omit<ResourceCollector<T>, 'kind'>): ResourceCollector<T> {
  checkDeclarations(collector.resourceType, collector.operations, collector.service);
  return { kind: 'resources', ...collector };
}

export function defineSettingsCollector<T extends ResourceType, F extends keyof ConfigOf<T> & string>(
  collector: Omit<SettingsCollector<T, F>, 'kind'>,
): SettingsCollector<T, F> {
  checkDeclarations(`${collector.resourceType} settings`, collector.operations, collector.service);
  return { kind: 'settings', ...collector };
}

/**
 * The operations a collection runs: all of them without a selection; with one, the required
 * operations and those filling at least one selected field.
 */
export function operationsToRun<O extends DeclaredOperation>(collector: { readonly operations: readonly O[] }, fields?: ReadonlySet<string>): O[] {
  if (fields === undefined) return [...collector.operations];
  return collector.operations.filter((op) => op.required === true || op.fills.some((field) => fields.has(field)));
}

/** The sorted, de-duplicated IAM actions the collectors need (for the selected fields, per resource type, when given). */
export function requiredPermissions(
  collectors: readonly (DeclaresOperations & { readonly resourceType: ResourceType })[],
  selection?: ReadonlyMap<ResourceType, ReadonlySet<string>>,
): string[] {
  const actions = new Set<string>();
  for (const collector of collectors) {
    if (selection !== undefined && !selection.has(collector.resourceType)) continue;
    for (const op of operationsToRun(collector, selection?.get(collector.resourceType))) {
      actions.add(op.iamAction);
      for (const action of op.alsoRequires ?? []) actions.add(action);
    }
  }
  return [...actions].sort();
}

/** The read-only IAM policy document granting {@link requiredPermissions}. */
export function leastPrivilegePolicy(actions: readonly string[]): Record<string, unknown> {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'VigilCollect', Effect: 'Allow', Action: [...actions], Resource: '*' }],
  };
}
