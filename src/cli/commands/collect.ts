/**
 * `vigil collect`: reads live AWS accounts into a snapshot file. Exit 0 when every account was
 * collected (coverage gaps are listed), 3 when an account could not be reached or nothing was.
 */
import type { CollectOptions } from '../options/collect.js';
import { runCollection } from '../../app/run-collection.js';
import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';

export async function collectCommand(options: CollectOptions, io: CliIo): Promise<ExitCode> {
  return (await runCollection(options, io)).code;
}
