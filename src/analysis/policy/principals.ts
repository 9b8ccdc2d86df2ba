/**
 * Who a Principal entry names: everyone, an AWS account (the account itself or a role, user or
 * session in it), an AWS service, a CloudFront origin access identity or a canonical user. This is
 * the reading both S3 ("The meaning of public") and IAM Access Analyzer give: a service principal
 * is not public; a web identity provider (`{"Federated": "graph.facebook.com"}`) is, since anyone
 * can sign in with it.
 */
import type { PrincipalEntry } from './parse-policy.js';

export type Principal =
  | { readonly kind: 'everyone'; readonly text: string }
  | {
      readonly kind: 'account';
      readonly accountId: string;
      /** The role, user, session or identity provider ARN; undefined for the account itself. */
      readonly arn: string | undefined;
      readonly text: string;
    }
  | { readonly kind: 'service'; readonly service: string; readonly text: string }
  | { readonly kind: 'cloudfront-oai'; readonly id: string; readonly text: string }
  | { readonly kind: 'canonical-user'; readonly id: string; readonly text: string }
  /** The unique id IAM shows in place of a deleted role or user: it grants nobody. */
  | { readonly kind: 'deleted'; readonly id: string; readonly text: string };

const ACCOUNT_ID = /^[0-9]{12}$/;
const IAM_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::([^:]*):(.+)$/;
const OAI_ARN = /^arn:aws[a-z-]*:iam::cloudfront:user\/CloudFront Origin Access Identity (.+)$/;
const UNIQUE_ID = /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/;

export function classifyPrincipal(entry: PrincipalEntry): Principal {
  const text = entry.type === '*' ? '"*"' : `${entry.type} ${entry.value}`;
  if (entry.value === '*') return { kind: 'everyone', text };
  switch (entry.type) {
    case '*':
      return { kind: 'everyone', text };
    case 'AWS':
      return awsPrincipal(entry.value, text);
    case 'Service':
      return { kind: 'service', service: entry.value.toLowerCase(), text };
    case 'CanonicalUser':
      return { kind: 'canonical-user', id: entry.value, text };
    case 'Federated': {
      const arn = IAM_ARN.exec(entry.value);
      if (arn?.[1] !== undefined && ACCOUNT_ID.test(arn[1])) return { kind: 'account', accountId: arn[1], arn: entry.value, text };
      // A web identity provider (Facebook, Google, Amazon, Cognito): anyone can sign in with it.
      return { kind: 'everyone', text };
    }
  }
}

function awsPrincipal(value: string, text: string): Principal {
  if (ACCOUNT_ID.test(value)) return { kind: 'account', accountId: value, arn: undefined, text };
  const oai = OAI_ARN.exec(value);
  if (oai?.[1] !== undefined) return { kind: 'cloudfront-oai', id: oai[1], text };
  const arn = IAM_ARN.exec(value);
  if (arn?.[1] !== undefined && ACCOUNT_ID.test(arn[1])) {
    return { kind: 'account', accountId: arn[1], arn: arn[2] === 'root' ? undefined : value, text };
  }
  if (UNIQUE_ID.test(value)) return { kind: 'deleted', id: value, text };
  // Anything else (a wildcard in the account, an unrecognised form) is read as everyone: a false
  // "public" is a finding someone reviews, a false "private" hides an exposure.
  return { kind: 'everyone', text };
}

/**
 * Whether a Deny naming `denied` applies to every request that `allowed` can make. An account
 * principal in a Deny covers every identity of that account.
 */
export function principalCovers(denied: Principal, allowed: Principal): boolean {
  switch (denied.kind) {
    case 'everyone':
      return true;
    case 'account':
      if (allowed.kind !== 'account' || allowed.accountId !== denied.accountId) return false;
      return denied.arn === undefined || denied.arn === allowed.arn;
    case 'service':
      return allowed.kind === 'service' && allowed.service === denied.service;
    case 'cloudfront-oai':
    case 'canonical-user':
    case 'deleted':
      return allowed.kind === denied.kind && allowed.id === denied.id;
  }
}
