/**
 * Holds an insight to its `reads` declaration: the resource it evaluates and the resources it
 * looks up are handed over behind a Proxy that throws when a field the insight did not declare is
 * read (a live collection would not have filled it), and records every field read, so that the
 * tester can also tell a declared field no case reads.
 *
 * Only the resource's model fields are guarded — envelope fields and its type's config keys — and
 * only at the top level (`config.policy`, not a statement inside it). Any other property
 * (`toJSON`, `then`, symbols) passes through, and `in`, `Object.keys` and property descriptors are
 * not reads, so `JSON.stringify`, spreads and `in` checks behave as on the plain resource: they read
 * (and so must declare) exactly the fields they enumerate.
 */
import type { Insight } from '../../src/engine/define-insight.js';
import { fieldsReadOn } from '../../src/engine/fields-read.js';
import { alternativeIdFields, type Inventory } from '../../src/engine/inventory.js';
import { ALWAYS_READABLE, configFieldsOf, envelopeKeys } from '../../src/model/resource-fields.js';
import { GLOBAL_REGION, type AnyResource, type Resource } from '../../src/model/resource.js';
import type { ResourceType } from '../../src/model/resource-types.js';

export type ReadRole = 'self' | 'lookup';

/** Every field read, by role and resource type: `self AWS::S3::Bucket` → { policy, tags }. */
export class ReadLog {
  private readonly reads = new Map<string, Set<string>>();

  record(role: ReadRole, type: ResourceType, field: string): void {
    const key = `${role} ${type}`;
    const fields = this.reads.get(key) ?? new Set<string>();
    fields.add(field);
    this.reads.set(key, fields);
  }

  fields(role: ReadRole, type?: ResourceType): ReadonlySet<string> {
    if (type !== undefined) return this.reads.get(`${role} ${type}`) ?? new Set();
    return new Set([...this.reads].filter(([key]) => key.startsWith(`${role} `)).flatMap(([, fields]) => [...fields]));
  }
}

const ENVELOPE: ReadonlySet<string> = new Set(envelopeKeys);

/** Where a field of a resource of this type in this role must be declared, as the message names it. */
function declarationOf(insight: Insight, role: ReadRole, type: ResourceType): { fields: ReadonlySet<string>; where: string } {
  if (role === 'lookup') return { fields: new Set(insight.reads.lookups[type] ?? []), where: `reads.lookups['${type}']` };
  const where = insight.resourceType === '*' ? `reads.self (envelope fields) or reads.ofType['${type}']` : 'reads.self';
  return { fields: new Set(fieldsReadOn(insight, type)), where };
}

function checker(insight: Insight, role: ReadRole, type: ResourceType, log: ReadLog): (field: string, label: string) => void {
  const declared = declarationOf(insight, role, type);
  const what = role === 'self' ? `the ${type} it evaluates` : `the ${type} it looks up`;
  return (field, label) => {
    log.record(role, type, field);
    if (ALWAYS_READABLE.has(field) || declared.fields.has(field)) return;
    throw new Error(`insight ${insight.id} reads ${label} of ${what} but does not declare '${field}' in ${declared.where}`);
  };
}

/** The resource behind a Proxy that lets the insight read only the fields it declares for that role. */
export function guardResource<R extends Resource | AnyResource>(resource: R, insight: Insight, role: ReadRole, log: ReadLog): R {
  const check = checker(insight, role, resource.type, log);
  const configFields: ReadonlySet<string> = new Set(configFieldsOf(resource.type));
  const config = new Proxy(resource.config, {
    get(target, key, receiver) {
      if (typeof key === 'string' && configFields.has(key)) check(key, `config.${key}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  // A copy carries the guarded config, so that the Proxy's answer for `config` is the target's own.
  return new Proxy(
    { ...resource, config },
    {
      get(target, key, receiver) {
        if (typeof key === 'string' && key !== 'config' && ENVELOPE.has(key)) check(key, key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    },
  );
}

/**
 * The inventory as the insight sees it: what it returns is guarded as looked-up resources. A
 * `find` that alternative ids decide (a KMS key found by alias, or not found at all) reads the
 * fields those ids come from.
 */
export class GuardedInventory implements Inventory {
  private readonly guarded = new WeakMap<object, AnyResource>();

  constructor(
    private readonly inner: Inventory,
    private readonly insight: Insight,
    private readonly log: ReadLog,
  ) {}

  get<T extends ResourceType>(type: T, arn: string): Resource<T> | undefined {
    return this.guard(this.inner.get(type, arn));
  }

  find<T extends ResourceType>(type: T, accountId: string, region: string, id: string): Resource<T> | undefined {
    const found = this.inner.find(type, accountId, region, id);
    if (found?.id !== id) {
      const check = checker(this.insight, 'lookup', type, this.log);
      for (const field of alternativeIdFields(type)) check(field, `config.${field} (to find '${id}' by it)`);
    }
    return this.guard(found);
  }

  list<T extends ResourceType>(type: T, accountId?: string, region?: string): readonly Resource<T>[] {
    return this.inner.list(type, accountId, region).map((resource) => this.guard(resource) as Resource<T>);
  }

  account(accountId: string): Resource<'AWS::Account'> | undefined {
    return this.find('AWS::Account', accountId, GLOBAL_REGION, accountId);
  }

  region(accountId: string, region: string): Resource<'AWS::Account::Region'> | undefined {
    return this.find('AWS::Account::Region', accountId, region, region);
  }

  listingGap(type: ResourceType, accountId?: string, region?: string): string | undefined {
    return this.inner.listingGap(type, accountId, region);
  }

  private guard<T extends ResourceType>(resource: Resource<T> | undefined): Resource<T> | undefined {
    if (resource === undefined) return undefined;
    let guarded = this.guarded.get(resource);
    if (guarded === undefined) {
      guarded = guardResource(resource as unknown as AnyResource, this.insight, 'lookup', this.log);
      this.guarded.set(resource, guarded);
    }
    return guarded as unknown as Resource<T>;
  }
}
