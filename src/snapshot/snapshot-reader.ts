/**
 * Reads a snapshot file (JSON lines, optionally gzip): the header line, then one resource per
 * line, each validated against its type's schema. Resources are handed to a visitor one at a time,
 * a few lines behind the parser, so that a snapshot of any size streams; once a line is invalid,
 * the visitor sees nothing more (nothing is evaluated on bad input) while the rest is still checked
 * to report every problem.
 */
import type { ValidateFunction } from 'ajv';
import type { AnyCollectedResource } from '../model/resource.js';
import { isResourceType, type ResourceType } from '../model/resource-types.js';
import { validatorFor } from '../schemas/ajv.js';
import { displayPath, fieldErrors } from '../input/ajv-messages.js';
import { problem, type Loaded, type Problem } from '../input/problem.js';
import { LineTooLongError, readLineBatches } from './line-reader.js';
import { findingSubject } from '../findings/finding.js';
import { resourceValidators } from './resource-validators.js';
import { SnapshotHeader, SnapshotTrailer } from './snapshot-header.js';

/** Beyond this many problems the rest of the file is not worth reading. */
const MAX_PROBLEMS = 50;

/**
 * Resources are parsed and validated a few lines ahead of their visit, then visited in file order:
 * the parser's and the visitor's code each stay in the processor's caches for a run of lines
 * instead of taking turns on every line, while the run's resources still fit in them.
 */
const VISIT_AHEAD = 64;

export interface SnapshotReadOptions {
  /**
   * A cheap pre-filter on the raw line: lines it rejects are not parsed or validated. Used by the
   * lookup pass, which only needs a few resource types.
   */
  readonly lineFilter?: (line: string) => boolean;
  /**
   * Resources an earlier pass over the same file read (the lookup pass), with their line numbers
   * in ascending order: those lines are handed to the visitor as read then, not parsed and
   * validated again.
   */
  readonly readBefore?: LinesRead;
}

/** Resources read from a snapshot file, each with the number of the line it was on, in file order. */
export interface LinesRead {
  readonly lines: readonly number[];
  readonly resources: readonly AnyCollectedResource[];
}

export interface SnapshotReadResult {
  readonly header: SnapshotHeader;
  readonly resources: number;
}

/** Per-type validators, generated from the resource schemas at build time. */
const validators = resourceValidators as unknown as Readonly<Record<ResourceType, ValidateFunction>>;

export async function readSnapshot(
  file: string,
  visit: (resource: AnyCollectedResource, line: number) => void,
  options: SnapshotReadOptions = {},
): Promise<Loaded<SnapshotReadResult>> {
  const problems: Problem[] = [];
  let header: SnapshotHeader | undefined;
  let trailer: SnapshotTrailer | undefined;
  let lineNo = 0;
  let resources = 0;
  const filter = options.lineFilter;
  const readBefore = options.readBefore;
  let nextReadBefore = 0;
  const pending: AnyCollectedResource[] = [];
  const pendingLines: number[] = [];
  const visitPending = () => {
    for (let i = 0; i < pending.length; i++) visit(pending[i] as AnyCollectedResource, pendingLines[i] as number);
    pending.length = 0;
    pendingLines.length = 0;
  };
  // Each resource once: the same ARN twice (of one account, for AWS-owned ARNs) is two verdicts on one resource.
  const seenAt = new Map<string, number>();
  // Only resources read before the first problem are visited: nothing is evaluated on bad input.
  const toVisit = (resource: AnyCollectedResource, line: number) => {
    const subject = findingSubject(resource);
    const first = seenAt.get(subject);
    if (first !== undefined) {
      problems.push(problem(file, line, 1, `resource ${resource.arn}: the same ARN as at ${file}:${first}; a snapshot holds each resource once`));
      return;
    }
    seenAt.set(subject, line);
    if (problems.length > 0) return;
    pending.push(resource);
    pendingLines.push(line);
    if (pending.length >= VISIT_AHEAD) visitPending();
  };
  try {
    for await (const batch of readLineBatches(file)) {
      for (const line of batch) {
        lineNo++;
        if (problems.length >= MAX_PROBLEMS) break;
        if (header === undefined) {
          const parsed = parseHeader(file, lineNo, line, problems);
          if (parsed === undefined) return { ok: false, problems };
          header = parsed;
          continue;
        }
        if (line.length === 0 || line.trim() === '') continue;
        if (trailer !== undefined) {
          problems.push(problem(file, lineNo, 1, 'content after the snapshot trailer line'));
          continue;
        }
        if (readBefore !== undefined && readBefore.lines[nextReadBefore] === lineNo) {
          resources++;
          toVisit(readBefore.resources[nextReadBefore++] as AnyCollectedResource, lineNo);
          continue;
        }
        if (filter !== undefined && !filter(line) && !line.includes('"vigil-snapshot-end"')) {
          resources++;
          continue;
        }
        const value = parseJsonLine(file, lineNo, line, problems);
        if (value === undefined) continue;
        if ((value as { kind?: unknown }).kind === 'vigil-snapshot-end') {
          trailer = checkTrailer(file, lineNo, value, problems);
          continue;
        }
        const resource = validateResource(file, lineNo, line, value, problems);
        if (resource === undefined) continue;
        resources++;
        toVisit(resource, lineNo);
      }
      visitPending();
    }
    visitPending();
  } catch (error) {
    // A file that cannot be read to its end is not evaluated: what is pending stays unvisited.
    if (error instanceof LineTooLongError) {
      problems.push(problem(file, error.line, 1, `${error.message}: a snapshot holds one resource per line (is this a snapshot file?); nothing was evaluated`));
      return { ok: false, problems };
    }
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String(error))
        ? 'the file is truncated (the gzip stream ends early)'
        : code === 'Z_DATA_ERROR'
          ? 'the file is not valid gzip'
          : code === 'ENOENT'
            ? 'no such file'
            : `cannot read the file: ${(error as Error).message}`;
    problems.push(problem(file, Math.max(lineNo, 1), 1, message));
  }
  if (header === undefined && problems.length === 0) problems.push(problem(file, 1, 1, 'empty file: expected a snapshot header line'));
  if (header?.trailer === true && trailer === undefined && problems.length === 0) {
    problems.push(problem(file, lineNo + 1, 1, `the file is truncated: the trailer line is missing after ${resources} resources`));
  }
  if (trailer !== undefined && filter === undefined && trailer.resources !== resources && problems.length === 0) {
    problems.push(problem(file, lineNo, 1, `the trailer counts ${trailer.resources} resources but the file holds ${resources}`));
  }
  if (problems.length > 0 || header === undefined) return { ok: false, problems };
  return { ok: true, value: { header, resources }, warnings: [] };
}

function parseJsonLine(file: string, lineNo: number, line: string, problems: Problem[]): unknown {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(problem(file, lineNo, 1, 'expected a JSON object'));
      return undefined;
    }
    return value;
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const column = position?.[1] !== undefined ? Number(position[1]) + 1 : 1;
    problems.push(problem(file, lineNo, column, `invalid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`));
    return undefined;
  }
}

function parseHeader(file: string, lineNo: number, line: string, problems: Problem[]): SnapshotHeader | undefined {
  const value = parseJsonLine(file, lineNo, line, problems);
  if (value === undefined) return undefined;
  const validate = validatorFor(SnapshotHeader);
  if (validate(value)) return value;
  for (const error of fieldErrors(validate.errors ?? [])) {
    problems.push(problem(file, lineNo, columnOf(line, error.path), `snapshot header: ${displayPath(error.path)}: ${error.message}`));
  }
  return undefined;
}

function checkTrailer(file: string, lineNo: number, value: unknown, problems: Problem[]): SnapshotTrailer | undefined {
  const validate = validatorFor(SnapshotTrailer);
  if (validate(value)) return value;
  problems.push(problem(file, lineNo, 1, 'invalid snapshot trailer line'));
  return undefined;
}

function validateResource(file: string, lineNo: number, line: string, value: unknown, problems: Problem[]): AnyCollectedResource | undefined {
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string') {
    problems.push(problem(file, lineNo, columnOf(line, ['type']), "resource: missing or invalid 'type'"));
    return undefined;
  }
  if (!isResourceType(type)) {
    problems.push(problem(file, lineNo, columnOf(line, ['type']), `resource: unknown resource type '${type}'`));
    return undefined;
  }
  const validate = validators[type];
  if (validate(value)) return value as AnyCollectedResource;
  const arn = (value as { arn?: unknown }).arn;
  const label = typeof arn === 'string' ? `resource ${arn}` : `resource of type ${type}`;
  for (const error of fieldErrors(validate.errors ?? [])) {
    problems.push(problem(file, lineNo, columnOf(line, error.path), `${label}: ${displayPath(error.path)}: ${error.message}`));
  }
  return undefined;
}

/** The column of the deepest key of `path` found in the line (JSON lines have no other positions). */
function columnOf(line: string, path: readonly (string | number)[]): number {
  let from = 0;
  let column = 1;
  for (const part of path) {
    if (typeof part === 'number') continue;
    const at = line.indexOf(`"${part}"`, from);
    if (at < 0) break;
    column = at + 1;
    from = at;
  }
  return column;
}
