/**
 * The `ports` parameter of the insights that ask whether the internet reaches some TCP ports (of
 * security groups and of network ACLs): one schema, so that a pack tunes them all the same way.
 */
import { Type, type TArray, type TInteger } from '@sinclair/typebox';

export function portsParam(defaults: readonly number[], description: string): TArray<TInteger> {
  return Type.Array(Type.Integer({ minimum: 0, maximum: 65535 }), {
    minItems: 1,
    uniqueItems: true,
    default: [...defaults],
    description,
  });
}
