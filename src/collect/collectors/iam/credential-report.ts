/**
 * The IAM credential report: one CSV row per IAM user plus the `<root_account>` row, giving
 * password, MFA and access key state for the whole account in one download — the reason Vigil
 * never asks per user. Values stay text until a reader interprets them: `true`/`false`, ISO 8601
 * dates, `N/A` (no such credential), `no_information` (never used, or not since IAM began
 * tracking), `not_supported` (the root row's password columns).
 *
 * Parsed with csv-parse. IAM names and paths may contain commas; should a report leave such a
 * `user` or `arn` unquoted, the row has more fields than the header and is put back together: a
 * user name cannot contain `:`, so the ARN starts at the first field beginning with `arn:`.
 */
import { parse } from 'csv-parse/sync';
import { readProblem, type ReadProblem } from '../../contract/read-problem.js';

export const ROOT_ACCOUNT = '<root_account>';

/** The coverage code of a report, or a value in it, that cannot be read. */
export const UNREADABLE_REPORT = 'UnreadableCredentialReport';

/** The columns Vigil reads; a report without any of them is unreadable. */
export const REQUIRED_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
] as const;

export type ReportColumn = (typeof REQUIRED_COLUMNS)[number];

/** One row: column → text as the report has it. */
export type ReportRow = Readonly<Record<ReportColumn, string>> & Readonly<Record<string, string>>;

export interface CredentialReport {
  /** When IAM generated it (GetCredentialReport `GeneratedTime`), ISO; null when not given. */
  readonly generatedAt: string | null;
  /** IAM users' rows by user name. */
  readonly users: ReadonlyMap<string, ReportRow>;
  /** The `<root_account>` row; undefined when the report has none. */
  readonly root: ReportRow | undefined;
}

export type ParsedReport = { readonly ok: true; readonly report: CredentialReport } | { readonly ok: false; readonly message: string };

/** Rejoins `user` and `arn` split by unquoted commas; undefined when the row cannot be mapped onto the header. */
function alignRow(fields: readonly string[], width: number): readonly string[] | undefined {
  if (fields.length === width) return fields;
  if (fields.length < width) return undefined;
  const extra = fields.length - width;
  const arnAt = fields.findIndex((field, index) => index > 0 && field.startsWith('arn:'));
  // user spans fields [0, arnAt), arn spans [arnAt, 2 + extra): both must be non-empty.
  if (arnAt < 1 || arnAt > extra + 1) return undefined;
  return [fields.slice(0, arnAt).join(','), fields.slice(arnAt, extra + 2).join(','), ...fields.slice(extra + 2)];
}

export function parseCredentialReport(content: Uint8Array | undefined, generatedTime: Date | undefined): ParsedReport {
  if (content === undefined || content.byteLength === 0) return { ok: false, message: 'GetCredentialReport returned no Content' };
  let records: string[][];
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    records = parse(text, { relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    return { ok: false, message: `the credential report is not readable CSV: ${(error as Error).message}` };
  }
  const [header, ...rows] = records;
  if (header === undefined) return { ok: false, message: 'the credential report is empty' };
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) return { ok: false, message: `the credential report lacks the columns ${missing.join(', ')}` };
  if (header[0] !== 'user' || header[1] !== 'arn') return { ok: false, message: 'the credential report does not start with the user and arn columns' };

  const users = new Map<string, ReportRow>();
  let root: ReportRow | undefined;
  for (const [index, fields] of rows.entries()) {
    const aligned = alignRow(fields, header.length);
    if (aligned === undefined)
      return { ok: false, message: `row ${index + 2} of the credential report has ${fields.length} fields for ${header.length} columns` };
    const row: Record<string, string> = {};
    header.forEach((column, at) => {
      row[column] = aligned[at] ?? '';
    });
    const user = row['user'] ?? '';
    if (user === ROOT_ACCOUNT) root = row as ReportRow;
    else users.set(user, row as ReportRow);
  }
  const generatedAt = generatedTime === undefined || Number.isNaN(generatedTime.getTime()) ? null : generatedTime.toISOString();
  return { ok: true, report: { generatedAt, users, root } };
}

/** `true` / `false` (any case); undefined for anything else (`not_supported`, a new value). */
export function reportBoolean(value: string): boolean | undefined {
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** Values that mean "no date": no such credential, never used (or not since tracking began), not reported for root. */
const NO_DATE = new Set(['N/A', 'no_information', 'not_supported', '']);

/** An ISO 8601 date as the model writes it; null for "no date"; undefined for anything unreadable. */
export function reportDate(value: string): string | null | undefined {
  if (NO_DATE.has(value)) return null;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The problem of an access key slot (`access_key_1`, `access_key_2`) whose cells do not parse. */
export function unreadableKeySlot(row: ReportRow, name: 'access_key_1' | 'access_key_2'): { readonly ok: false; readonly error: ReadProblem } {
  return readProblem(
    UNREADABLE_REPORT,
    `${name}: active '${row[`${name}_active`]}', last rotated '${row[`${name}_last_rotated`]}', last used '${row[`${name}_last_used_date`]}'`,
  );
}
