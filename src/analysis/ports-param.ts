/**
 * The `ports` and `protocols` parameters of the insights that ask whether the internet reaches
 * some ports (of security groups and of network ACLs): one schema, so that a pack tunes them all
 * the same way.
 */
import { Type, type TArray, type TInteger, type TLiteral, type TUnion } from '@sinclair/typebox';
import type { PortProtocol } from './network.js';

export function portsParam(defaults: readonly number[], description: string): TArray<TInteger> {
  return Type.Array(Type.Integer({ minimum: 0, maximum: 65535 }), {
    minItems: 1,
    uniqueItems: true,
    default: [...defaults],
    description,
  });
}

/** The transport protocols whose traffic to the ports counts (an all-traffic rule counts for each). */
export function protocolsParam(defaults: readonly PortProtocol[], description: string): TArray<TUnion<[TLiteral<'tcp'>, TLiteral<'udp'>]>> {
  return Type.Array(Type.Union([Type.Literal('tcp'), Type.Literal('udp')]), {
    minItems: 1,
    uniqueItems: true,
    default: [...defaults],
    description,
  });
}
