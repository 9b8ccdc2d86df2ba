import { describe, expect, it } from 'vitest';
import { parsePath } from '../../src/conditions/compile-path.js';
import { typePath, type ValueKind } from '../../src/conditions/path-type.js';
import type { ResourceType } from '../../src/model/resource-types.js';

function typeOf(resourceType: ResourceType, path: string) {
  const parsed = parsePath(path);
  if (!parsed.ok) throw new Error(parsed.message);
  return typePath(resourceType, parsed.steps);
}

describe('typePath', () => {
  const typed: { type: ResourceType; path: string; kinds: ValueKind[] | undefined; literals?: string[] }[] = [
    { type: 'AWS::SageMaker::NotebookInstance', path: 'config.directInternetAccess', kinds: ['string'], literals: ['Enabled', 'Disabled'] },
    { type: 'AWS::SageMaker::NotebookInstance', path: 'config.kmsKeyId', kinds: ['string', 'null'] },
    { type: 'AWS::SageMaker::NotebookInstance', path: 'name', kinds: ['string'] },
    { type: 'AWS::SageMaker::NotebookInstance', path: 'tags.owner', kinds: ['string'] },
    { type: 'AWS::SageMaker::NotebookInstance', path: 'tags["cost.center"]', kinds: ['string'] },
    { type: 'AWS::SageMaker::NotebookInstance', path: 'type', kinds: ['string'], literals: ['AWS::SageMaker::NotebookInstance'] },
    { type: 'AWS::S3::Bucket', path: 'config.versioning.status', kinds: ['string', 'null'], literals: ['Enabled', 'Suspended'] },
    { type: 'AWS::S3::Bucket', path: 'config.policy.Statement[*].Effect', kinds: undefined },
    { type: 'AWS::S3::Bucket', path: 'config.lifecycleRules[*].transitions[*].days', kinds: ['number', 'null'] },
    { type: 'AWS::EC2::SecurityGroup', path: 'config.ingress[*].fromPort', kinds: ['number', 'null'] },
    { type: 'AWS::EC2::SecurityGroup', path: 'config.ingress[0].ipv4Ranges', kinds: ['array'] },
    { type: 'AWS::EC2::SecurityGroup', path: 'tags[*]', kinds: ['string'] },
    { type: 'AWS::RDS::DBInstance', path: 'config.backupRetentionPeriod', kinds: ['number'] },
    { type: 'AWS::RDS::DBInstance', path: 'config.multiAz', kinds: ['boolean'] },
  ];
  for (const { type, path, kinds, literals } of typed) {
    it(`types ${type} ${path}`, () => {
      const result = typeOf(type, path);
      if (!result.ok) throw new Error(result.message);
      expect(result.type.kinds === undefined ? undefined : [...result.type.kinds].sort()).toEqual(kinds?.slice().sort());
      expect(result.type.literals === undefined ? undefined : [...result.type.literals].sort()).toEqual(literals?.slice().sort());
    });
  }

  const rejected: { type: ResourceType; path: string; message: RegExp }[] = [
    {
      type: 'AWS::SageMaker::NotebookInstance',
      path: 'config.directInternetAcess',
      message: /config has no field "directInternetAcess"; its fields are: status, instanceType, directInternetAccess/,
    },
    {
      type: 'AWS::SageMaker::NotebookInstance',
      path: 'confg.status',
      message: /an AWS::SageMaker::NotebookInstance resource has no field "confg"; its fields are: arn, type/,
    },
    {
      type: 'AWS::EC2::SecurityGroup',
      path: 'config.ingress.fromPort',
      message: /config\.ingress is a list; write config\.ingress\[\*\]\.fromPort to look into its items/,
    },
    { type: 'AWS::EC2::SecurityGroup', path: 'config.groupName.first', message: /config\.groupName is a string, so it has no field "first"/ },
    { type: 'AWS::EC2::SecurityGroup', path: 'config.groupName[*]', message: /config\.groupName is a string, not a list or a mapping/ },
    { type: 'AWS::S3::Bucket', path: 'config.versioning[0]', message: /config\.versioning is a mapping, not a list/ },
  ];
  for (const { type, path, message } of rejected) {
    it(`rejects ${type} ${path}`, () => {
      const result = typeOf(type, path);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    });
  }
});
