/**
 * Paces the read-only calls actions declare: a call with `perSecond` waits until its slot for that
 * account, region and operation comes (CloudTrail LookupEvents answers 2 calls per second per
 * account and region, and throttles the rest). Clock and sleep are passed in, so tests run on a
 * fake clock.
 */
import type { ReadCall } from '../actions/define-action.js';
import type { AwsCaller, CallTarget } from './aws-caller.js';

export interface Pacing {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export function pacedReader(caller: AwsCaller, pacing: Pacing): (target: CallTarget, call: ReadCall) => Promise<Record<string, unknown>> {
  const nextSlot = new Map<string, number>();
  return async (target, call) => {
    if (call.perSecond !== undefined) {
      const key = `${target.accountId} ${target.region} ${call.service}:${call.operation}`;
      const now = pacing.now();
      const slot = Math.max(now, nextSlot.get(key) ?? now);
      nextSlot.set(key, slot + 1000 / call.perSecond);
      if (slot > now) await pacing.sleep(slot - now);
    }
    return caller.send(target, call);
  };
}
