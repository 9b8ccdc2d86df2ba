/**
 * A finding's lifecycle state across scans (kept by the store): open (fails), reopened (fails
 * again after it was resolved), resolved (seen passing, or its resource is gone), remediated (a
 * bot's recorded action fixed it), exempt.
 */
import { Type, type Static } from '@sinclair/typebox';

export const LifecycleState = Type.Union([
  Type.Literal('open'),
  Type.Literal('reopened'),
  Type.Literal('resolved'),
  Type.Literal('remediated'),
  Type.Literal('exempt'),
]);
export type LifecycleState = Static<typeof LifecycleState>;
