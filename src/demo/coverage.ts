/**
 * The coverage list of the demo snapshot: a live collector records what it could not read as it
 * goes; the generated organisation records it in the unknown fields themselves
 * (`AccessDenied: s3:GetBucketPolicy`), so the demo header is derived from them.
 */
import type { CoverageEntry } from '../snapshot/coverage.js';
import type { AnyResource } from '../model/resource.js';
import { isUnknown } from '../model/unknown.js';

const REASON = /^([A-Za-z]+):\s*([a-z0-9-]+):([A-Za-z]+)/;

export class CoverageCollector {
  private readonly entries = new Map<string, CoverageEntry>();

  /** Records every unknown field of the resource (its envelope tags and its config fields). */
  record(resource: AnyResource): void {
    const fields: unknown[] = [resource.tags, ...Object.values<unknown>(resource.config)];
    for (const value of fields) {
      if (!isUnknown(value)) continue;
      const match = REASON.exec(value.$unknown);
      const [code, service, operation] = match ? [match[1]!, match[2]!, match[3]!] : ['Unknown', resource.type.split('::')[1]!.toLowerCase(), 'unknown'];
      const key = [resource.accountId, resource.region, service, operation, code].join('|');
      const existing = this.entries.get(key);
      if (existing !== undefined) existing.count = (existing.count ?? 1) + 1;
      else {
        this.entries.set(key, {
          accountId: resource.accountId,
          region: resource.region,
          service,
          operation,
          resourceType: resource.type,
          resourceArn: resource.arn,
          error: { code, message: value.$unknown },
          count: 1,
        });
      }
    }
  }

  list(): CoverageEntry[] {
    return [...this.entries.values()];
  }
}
