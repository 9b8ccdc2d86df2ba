/**
 * A tiny stateful account for runtime tests: resources by ARN, the mutating calls the actions
 * make applied to them, every call recorded. Read operations are those starting with Describe,
 * Get or List; `readOnly` makes any other call throw, proving a run sent none.
 */
import type { AwsCaller } from '../../../src/bots/runtime/aws-caller.js';
import type { Candidate } from '../../../src/bots/runtime/plan-bot.js';
import type { Resource } from '../../../src/model/resource.js';

export const isReadOperation = (operation: string) => /^(Describe|Get|List)/.test(operation);

export class FakeAccount {
  readonly resources = new Map<string, Resource>();
  readonly calls: { operation: string; input: Record<string, unknown> }[] = [];
  readOnly = false;
  failOn: string | undefined;

  constructor(
    resources: readonly Resource[],
    private readonly findingsOf: (resource: Resource) => Candidate['findings'],
  ) {
    for (const resource of resources) this.resources.set(resource.arn, structuredClone(resource));
  }

  candidates(): Candidate[] {
    return [...this.resources.values()].map((resource) => ({ resource: structuredClone(resource), findings: this.findingsOf(resource) }));
  }

  readLive = (candidate: Candidate): Promise<Candidate | undefined> => {
    const resource = this.resources.get(candidate.resource.arn);
    return Promise.resolve(resource === undefined ? undefined : { resource: structuredClone(resource), findings: this.findingsOf(resource) });
  };

  caller: AwsCaller = {
    send: (_target, call) => {
      this.calls.push({ operation: call.operation, input: { ...call.input } });
      if (this.readOnly && !isReadOperation(call.operation))
        return Promise.reject(new Error(`a mutating call reached AWS in a read-only run: ${call.operation}`));
      if (call.operation === this.failOn) return Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDenied' }));
      try {
        return Promise.resolve(this.apply(call.operation, call.input));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };

  private find(match: (r: Resource) => boolean): Resource {
    const found = [...this.resources.values()].find(match);
    if (found === undefined) throw Object.assign(new Error('no such resource'), { name: 'NotFound' });
    return found;
  }

  private apply(operation: string, input: Readonly<Record<string, unknown>>): Record<string, unknown> {
    switch (operation) {
      case 'PutPublicAccessBlock': {
        const bucket = this.find((r) => r.type === 'AWS::S3::Bucket' && r.name === input['Bucket']) as Resource<'AWS::S3::Bucket'>;
        bucket.config.publicAccessBlock = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };
        return {};
      }
      case 'UpdateAccessKey':
      case 'DeleteAccessKey': {
        const user = this.find((r) => r.type === 'AWS::IAM::User' && r.name === input['UserName']) as Resource<'AWS::IAM::User'>;
        const keys = user.config.accessKeys as { id: string; status: 'Active' | 'Inactive'; createDate: string; lastUsedDate: string | null }[];
        user.config.accessKeys =
          operation === 'DeleteAccessKey'
            ? keys.filter((k) => k.id !== input['AccessKeyId'])
            : keys.map((k) => (k.id === input['AccessKeyId'] ? { ...k, status: input['Status'] as 'Active' | 'Inactive' } : k));
        return {};
      }
      case 'ModifyDBInstance': {
        const db = this.find((r) => r.type === 'AWS::RDS::DBInstance' && r.id === input['DBInstanceIdentifier']) as Resource<'AWS::RDS::DBInstance'>;
        db.config.publiclyAccessible = input['PubliclyAccessible'] as boolean;
        return {};
      }
      case 'CreateDBSnapshot':
        this.snapshots.add(String(input['DBSnapshotIdentifier']));
        return {};
      case 'DescribeDBSnapshots':
        return { DBSnapshots: this.snapshots.has(String(input['DBSnapshotIdentifier'])) ? [{ Status: 'available' }] : [] };
      case 'DeleteDBInstance': {
        const db = this.find((r) => r.type === 'AWS::RDS::DBInstance' && r.id === input['DBInstanceIdentifier']);
        this.resources.delete(db.arn);
        return {};
      }
      default:
        throw new Error(`the fake does not answer ${operation}`);
    }
  }

  readonly snapshots = new Set<string>();
}
