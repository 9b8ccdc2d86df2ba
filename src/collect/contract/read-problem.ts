/**
 * What a collector could not read into the model, and why: the code coverage records (the AWS
 * error code, or one of Vigil's for an answer the model cannot hold) and a sentence. Readers
 * return a {@link Read}; the collector turns a problem into an unknown field or a left-out
 * resource, recorded in coverage, never a guess.
 */
import { failure, ok, type Result } from '../../result.js';

export interface ReadProblem {
  readonly code: string;
  readonly message: string;
}

/** The value read, or the problem that stopped it. */
export type Read<T> = Result<T, ReadProblem>;

/** An answer lacks a field its API reference says it always carries, or holds a value the model does not know. */
export const UNEXPECTED_RESPONSE = 'UnexpectedResponse';

export function readProblem(code: string, message: string): { readonly ok: false; readonly error: ReadProblem } {
  return failure({ code, message });
}

/** A {@link readProblem} with the code {@link UNEXPECTED_RESPONSE}. */
export function unexpected(message: string): { readonly ok: false; readonly error: ReadProblem } {
  return readProblem(UNEXPECTED_RESPONSE, message);
}

/** Every item read, or the first item's problem: one item the model cannot hold leaves the list unread. */
export function readEach<I, T>(items: readonly I[], read: (item: I) => Read<T>): Read<T[]> {
  const values: T[] = [];
  for (const item of items) {
    const one = read(item);
    if (!one.ok) return one;
    values.push(one.value);
  }
  return ok(values);
}
