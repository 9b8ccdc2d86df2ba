/** EFS file systems of a demo account. */
import { efsFileSystem } from '../../model/builders.js';
import type { Resource, Tags } from '../../model/resource.js';
import type { AccountScope } from '../scope.js';

export interface FileSystemSpec {
  region: string;
  /** The Name tag. */
  name: string;
  tags: Tags;
  createdDaysAgo: number;
  /** Encrypted at rest with this key (ARN); unencrypted when null (only possible at creation). */
  kmsKeyArn: string | null;
  throughputMode: 'bursting' | 'elastic' | 'provisioned';
}

export function fileSystem(scope: AccountScope, spec: FileSystemSpec): Resource<'AWS::EFS::FileSystem'> {
  const id = `fs-${scope.rng.hex(17)}`;
  return efsFileSystem(
    {
      fileSystemId: id,
      encrypted: spec.kmsKeyArn !== null,
      kmsKeyId: spec.kmsKeyArn,
      lifeCycleState: 'available',
      performanceMode: 'generalPurpose',
      throughputMode: spec.throughputMode,
    },
    scope.envelope(spec.region, id, spec.name, { Name: spec.name, ...spec.tags }, scope.clock.daysAgo(spec.createdDaysAgo)),
  );
}
