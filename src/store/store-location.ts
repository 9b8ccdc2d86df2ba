/**
 * Which store a command uses: `--no-store` (none), `--store sqlite:PATH|postgres`, the config's
 * `store`, or SQLite in `.vigil/vigil.db` of the working directory. A PostgreSQL URL comes from
 * the environment (VIGIL_DATABASE_URL, or the variable the config names), never from a file.
 */
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import type { StoreTarget } from './connect.js';

export const DEFAULT_URL_ENV = 'VIGIL_DATABASE_URL';
export const DEFAULT_SQLITE_PATH = join('.vigil', 'vigil.db');
export const DEFAULT_KEEP_SCANS_DAYS = 90;

export type StoreChoice = { kind: 'none' } | { kind: 'store'; target: StoreTarget; keepScansDays: number };

export type StoreChoiceResult = { ok: true; choice: StoreChoice } | { ok: false; message: string };

export interface StoreChoiceInput {
  /** `--store SPEC`, or false for `--no-store`. */
  readonly flag: string | false | undefined;
  readonly config: LoadedConfig | undefined;
  /** Where `.vigil/` and relative `--store sqlite:PATH` are. */
  readonly workDir: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function chooseStore(input: StoreChoiceInput): StoreChoiceResult {
  const configured = input.config?.config.store;
  const keepScansDays = configured?.keepScansDays ?? DEFAULT_KEEP_SCANS_DAYS;
  const store = (target: StoreTarget): StoreChoiceResult => ({ ok: true, choice: { kind: 'store', target, keepScansDays } });
  const { flag } = input;
  if (flag === false) return { ok: true, choice: { kind: 'none' } };
  if (flag !== undefined) {
    if (flag === 'postgres') return postgres(configured?.postgres?.urlEnv ?? DEFAULT_URL_ENV, '--store postgres', input.env, keepScansDays);
    if (flag.startsWith('sqlite:') && flag.length > 'sqlite:'.length)
      return store({ engine: 'sqlite', path: resolve(input.workDir, flag.slice('sqlite:'.length)) });
    return { ok: false, message: `--store: '${flag}' is not a store: give sqlite:PATH or postgres` };
  }
  if (configured?.postgres !== undefined) return postgres(configured.postgres.urlEnv, `store.postgres in ${input.config!.file}`, input.env, keepScansDays);
  if (configured?.sqlite !== undefined) return store({ engine: 'sqlite', path: input.config!.resolvePath(configured.sqlite.path) });
  return store({ engine: 'sqlite', path: join(input.workDir, DEFAULT_SQLITE_PATH) });
}

function postgres(variable: string, by: string, env: StoreChoiceInput['env'], keepScansDays: number): StoreChoiceResult {
  const url = env[variable];
  if (url === undefined || url === '') {
    return {
      ok: false,
      message: `${by}: the environment variable ${variable} is not set (it holds the PostgreSQL URL, postgres://user:password@host:port/database)`,
    };
  }
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return { ok: false, message: `${by}: the environment variable ${variable} does not hold a URL` };
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') return { ok: false, message: `${by}: the URL in ${variable} is not a postgres:// URL` };
  return { ok: true, choice: { kind: 'store', target: { engine: 'postgres', url }, keepScansDays } };
}
