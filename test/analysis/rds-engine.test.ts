import { describe, expect, it } from 'vitest';
import { auditLogTypes, parseRdsEngine, rdsClusterKind, supportsMultiAz, type RdsEngine } from '../../src/analysis/rds-engine.js';

function engine(name: string): RdsEngine {
  const parsed = parseRdsEngine(name);
  if (parsed === undefined) throw new Error(`${name} did not parse`);
  return parsed;
}

describe('parseRdsEngine', () => {
  it.each([
    ['mysql', 'mysql', null],
    ['mariadb', 'mariadb', null],
    ['postgres', 'postgres', null],
    ['aurora', 'aurora-mysql', null],
    ['aurora-mysql', 'aurora-mysql', null],
    ['aurora-postgresql', 'aurora-postgresql', null],
    ['oracle-ee', 'oracle', 'ee'],
    ['oracle-se2-cdb', 'oracle', 'se2-cdb'],
    ['sqlserver-ex', 'sqlserver', 'ex'],
    ['sqlserver-dev-ee', 'sqlserver', 'dev-ee'],
    ['db2-ae', 'db2', 'ae'],
  ] as const)('reads %s as %s', (name, family, edition) => {
    expect(parseRdsEngine(name)).toEqual({ family, custom: false, edition });
  });

  it('recognises RDS Custom engines', () => {
    expect(parseRdsEngine('custom-oracle-ee-cdb')).toEqual({ family: 'oracle', custom: true, edition: 'ee-cdb' });
    expect(parseRdsEngine('custom-sqlserver-web')).toEqual({ family: 'sqlserver', custom: true, edition: 'web' });
  });

  it('ignores case and surrounding spaces', () => {
    expect(parseRdsEngine(' Oracle-EE ')).toEqual({ family: 'oracle', custom: false, edition: 'ee' });
  });

  it.each(['docdb', 'neptune', 'oracle-', 'sqlserver', 'custom-', '', 'constructor', 'toString'])('does not know %j', (name) => {
    expect(parseRdsEngine(name)).toBeUndefined();
  });
});

describe('auditLogTypes', () => {
  it.each([
    ['oracle-ee', ['audit']],
    ['mysql', ['audit']],
    ['mariadb', ['audit']],
    ['postgres', ['postgresql']],
    ['sqlserver-se', ['agent', 'error']],
    ['aurora-mysql', ['audit']],
    ['aurora-postgresql', ['postgresql']],
  ] as const)('%s exports %j', (name, types) => {
    expect(auditLogTypes(engine(name))).toEqual(types);
  });

  it('knows no CloudWatch audit log type for Db2', () => {
    expect(auditLogTypes(engine('db2-se'))).toBeUndefined();
  });
});

describe('supportsMultiAz', () => {
  it('is false only for SQL Server Express Edition', () => {
    expect(supportsMultiAz(engine('sqlserver-ex'))).toBe(false);
    for (const name of ['sqlserver-web', 'sqlserver-se', 'sqlserver-ee', 'oracle-se2', 'postgres', 'db2-ae']) {
      expect(supportsMultiAz(engine(name)), name).toBe(true);
    }
  });
});

describe('rdsClusterKind', () => {
  it.each([
    ['aurora-postgresql', 'aurora'],
    ['aurora-mysql', 'aurora'],
    ['aurora', 'aurora'],
    ['mysql', 'multi-az-db-cluster'],
    ['postgres', 'multi-az-db-cluster'],
    ['docdb', 'other'],
    ['neptune', 'other'],
    ['custom-sqlserver-ee', 'other'],
  ] as const)('%s makes %s', (name, kind) => {
    expect(rdsClusterKind(name)).toBe(kind);
  });
});
