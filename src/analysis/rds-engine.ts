/**
 * Reads the engine name RDS reports (`oracle-ee-cdb`, `sqlserver-ex`, `custom-oracle-ee`,
 * `aurora-postgresql` ...) into what insights decide on: the engine family, the SQL Server
 * edition, whether it is RDS Custom, and which CloudWatch Logs export carries its audit trail.
 * Instance and (later) cluster insights share this one table, so engine spellings live in one place.
 */

export type RdsEngineFamily = 'aurora-mysql' | 'aurora-postgresql' | 'mysql' | 'mariadb' | 'postgres' | 'oracle' | 'sqlserver' | 'db2';

export interface RdsEngine {
  readonly family: RdsEngineFamily;
  /** RDS Custom (`custom-` prefix): the customer manages the host, and several RDS settings do not apply. */
  readonly custom: boolean;
  /** The edition suffix for SQL Server (`ee`, `se`, `ex`, `web`, `dev-ee`), Oracle (`ee`, `se2`, `ee-cdb` ...) and Db2 (`ae`, `se`); null otherwise. */
  readonly edition: string | null;
}

const exact: ReadonlyMap<string, RdsEngineFamily> = new Map([
  // `aurora` is the engine name of Aurora MySQL 1 (MySQL 5.6 compatible).
  ['aurora', 'aurora-mysql'],
  ['aurora-mysql', 'aurora-mysql'],
  ['aurora-postgresql', 'aurora-postgresql'],
  ['mysql', 'mysql'],
  ['mariadb', 'mariadb'],
  ['postgres', 'postgres'],
]);

const withEdition: readonly (readonly [prefix: string, family: RdsEngineFamily])[] = [
  ['oracle-', 'oracle'],
  ['sqlserver-', 'sqlserver'],
  ['db2-', 'db2'],
];

/** The engine as insights read it, or undefined for an engine Vigil does not know (docdb, neptune, a new one). */
export function parseRdsEngine(engine: string): RdsEngine | undefined {
  // A scan has a few engine names, read by several insights of every instance: each is read once.
  let parsed = parsedEngines.get(engine);
  if (parsed === undefined) {
    if (parsedEngines.size >= MAX_PARSED_ENGINES) parsedEngines.clear();
    parsed = readEngine(engine) ?? null;
    parsedEngines.set(engine, parsed);
  }
  return parsed ?? undefined;
}

const parsedEngines = new Map<string, Readonly<RdsEngine> | null>();
const MAX_PARSED_ENGINES = 1024;

function readEngine(engine: string): RdsEngine | undefined {
  const name = engine.trim().toLowerCase();
  const custom = name.startsWith('custom-');
  const base = custom ? name.slice('custom-'.length) : name;
  const family = exact.get(base);
  if (family !== undefined) return { family, custom, edition: null };
  for (const [prefix, prefixedFamily] of withEdition) {
    if (base.startsWith(prefix) && base.length > prefix.length) {
      return { family: prefixedFamily, custom, edition: base.slice(prefix.length) };
    }
  }
  return undefined;
}

/**
 * The CloudWatch Logs exports that carry an engine's audit trail: all of them must be exported.
 * MySQL and MariaDB write `audit` only with the MARIADB_AUDIT_PLUGIN option, Aurora MySQL with
 * `server_audit_logging`, Oracle with a file-based `audit_trail`, PostgreSQL with pgaudit or
 * `log_statement`; those settings live in option and parameter groups, which are judged elsewhere.
 */
const auditLogTypesByFamily: Readonly<Record<RdsEngineFamily, readonly string[] | undefined>> = {
  'aurora-mysql': ['audit'],
  'aurora-postgresql': ['postgresql'],
  mysql: ['audit'],
  mariadb: ['audit'],
  postgres: ['postgresql'],
  oracle: ['audit'],
  sqlserver: ['agent', 'error'],
  // Db2 writes its audit trail to S3 (rdsadmin.configure_db_audit), not to a CloudWatch Logs export.
  db2: undefined,
};

export function auditLogTypes(engine: RdsEngine): readonly string[] | undefined {
  return auditLogTypesByFamily[engine.family];
}

/**
 * Whether RDS offers a Multi-AZ deployment for the engine. SQL Server Express Edition is the one
 * RDS engine without it (Web Edition gained it through block-level replication).
 */
export function supportsMultiAz(engine: RdsEngine): boolean {
  return !(engine.family === 'sqlserver' && engine.edition === 'ex');
}

/**
 * What a DescribeDBClusters engine makes: an Aurora cluster (shared storage across three zones,
 * instances added as readers), a Multi-AZ DB cluster (RDS for MySQL or PostgreSQL: a writer and
 * two readable standbys, each with its own storage), or another kind the RDS API also lists
 * (DocumentDB, Neptune, an engine Vigil does not know).
 */
export type RdsClusterKind = 'aurora' | 'multi-az-db-cluster' | 'other';

export function rdsClusterKind(engine: string): RdsClusterKind {
  const parsed = parseRdsEngine(engine);
  if (parsed === undefined || parsed.custom) return 'other';
  if (parsed.family === 'aurora-mysql' || parsed.family === 'aurora-postgresql') return 'aurora';
  if (parsed.family === 'mysql' || parsed.family === 'postgres') return 'multi-az-db-cluster';
  return 'other';
}
