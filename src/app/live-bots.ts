/**
 * The live side of a bot run: the accounts reached as live collection reaches them (account-access.ts),
 * the live reader that re-reads one resource and re-evaluates its findings, and the SDK caller that
 * sends a plan's calls.
 */
import type { VigilConfig } from '../config/config-schema.js';
import type { AwsCaller } from '../bots/runtime/aws-caller.js';
import type { FindingsScope } from '../bots/runtime/candidate-findings.js';
import { liveReader, type LiveReader } from '../bots/runtime/live-reader.js';
import { sdkAwsCaller } from '../bots/runtime/sdk-aws-caller.js';
import { accountAccess } from './account-access.js';

export interface LiveBots {
  readonly reader: LiveReader;
  readonly caller: AwsCaller;
}

export type LiveBotsResult = { ok: true; live: LiveBots } | { ok: false; usage?: string[]; failure?: { code: string; message: string } };

export async function liveBots(options: {
  config: VigilConfig | undefined;
  accounts: readonly string[];
  profile?: string | undefined;
  scope: FindingsScope;
  clock: () => Date;
}): Promise<LiveBotsResult> {
  const access = await accountAccess({ config: options.config, accounts: options.accounts, profile: options.profile });
  if (!access.ok) return access;
  const { clients, homeRegion, partition } = access;
  return {
    ok: true,
    live: {
      reader: liveReader({ clients, homeRegion, partition, scope: options.scope, clock: options.clock }),
      caller: sdkAwsCaller({ clients, homeRegion }),
    },
  };
}
