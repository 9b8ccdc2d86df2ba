/**
 * `vigil collect`: reads live AWS accounts into a snapshot file. Exit 0 when every account was
 * collected (coverage gaps are listed), 3 when an account could not be reached or nothing was.
 */
import { Type, type Static } from '@sinclair/typebox';
import { runCollection } from '../../app/run-collection.js';
import type { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { collectionOptions } from '../options/common-options.js';
import type { CommandOptions } from '../options/parse-options.js';

const CollectOptions = Type.Object({ out: Type.String(), ...collectionOptions }, { additionalProperties: false });
export type CollectOptions = Static<typeof CollectOptions>;

export const collectOptions: CommandOptions<typeof CollectOptions> = { schema: CollectOptions };

export async function collectCommand(options: CollectOptions, io: CliIo): Promise<ExitCode> {
  return (await runCollection(options, io)).code;
}
