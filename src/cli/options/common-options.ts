/** Option schemas more than one command shares (the collection options `collect` and `scan --live` both take). */
import { Type } from '@sinclair/typebox';
import { Severity } from '../../model/severity.js';

/** A repeatable option: every value given, in order. */
export const Repeated = () => Type.Array(Type.String(), { default: [] });

export const FailOn = Type.Optional(Severity);

/** The format of a listing command: a table for people, JSON for tools. */
export const ListFormat = Type.Union([Type.Literal('table'), Type.Literal('json')], { default: 'table' });

/** The format of a command whose output is a JSON document people also read (a policy): JSON unless a table is asked for. */
export const JsonFirstFormat = Type.Union([Type.Literal('json'), Type.Literal('table')], { default: 'json' });

/** The options that say what to collect and how: `vigil collect` and `vigil scan --live`. */
export const collectionOptions = {
  config: Type.Optional(Type.String()),
  account: Repeated(),
  regions: Type.Optional(Type.String()),
  source: Type.Union([Type.Literal('api'), Type.Literal('config'), Type.Literal('auto')], { default: 'api' }),
  profile: Type.Optional(Type.String()),
  concurrency: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
  log: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('text')])),
  pack: Repeated(),
  insight: Repeated(),
};
