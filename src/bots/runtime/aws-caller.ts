/** What applying a plan needs of AWS: one call, sent in an account and region. Passed in, so tests hand in fakes. */
import type { ApiCall } from '../actions/define-action.js';

export interface CallTarget {
  readonly accountId: string;
  readonly region: string;
}

export interface AwsCaller {
  send(target: CallTarget, call: Pick<ApiCall, 'service' | 'operation' | 'input'>): Promise<Record<string, unknown>>;
}
