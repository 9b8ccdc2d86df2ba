/**
 * EC2 instance states in which a rule about the instance no longer applies: it is on its way out
 * (shutting-down) or gone (terminated instances stay listed for about an hour). Stopped instances
 * still count, as they start again with the same configuration.
 */
const GONE: ReadonlySet<string> = new Set(['shutting-down', 'terminated']);

export function isInstanceGone(state: string): boolean {
  return GONE.has(state);
}
