import { Type } from '@sinclair/typebox';
import { isUnknown } from '../../model/unknown.js';
import { defineAction } from './define-action.js';

export default defineAction({
  id: 'rds-disable-public-access',
  title: 'Make a database instance private (no public IP)',
  resourceType: 'AWS::RDS::DBInstance',
  options: Type.Object({}, { additionalProperties: false }),
  permissions: ['rds:ModifyDBInstance'],
  destructive: false,
  plan(db) {
    const { publiclyAccessible } = db.config;
    if (isUnknown(publiclyAccessible)) return { kind: 'refused', summary: `whether the database is public could not be read (${publiclyAccessible.$unknown})` };
    if (!publiclyAccessible) return { kind: 'in-desired-state', summary: 'the database is private' };
    return {
      kind: 'change',
      summary: 'turn off public accessibility',
      calls: [
        {
          service: 'rds',
          operation: 'ModifyDBInstance',
          input: { DBInstanceIdentifier: db.id, PubliclyAccessible: false, ApplyImmediately: true },
          permission: 'rds:ModifyDBInstance',
        },
      ],
    };
  },
});
