/**
 * GetAccountAuthorizationDetails returns every policy document (inline, trust, managed versions)
 * URL-encoded (RFC 3986), and the JavaScript SDK does not decode them. A document that does not
 * decode to a JSON object is unreadable, never "no policy".
 */
import { parsePolicyJson, type ParsedPolicy } from '../../contract/policy-json.js';

export function parseEncodedPolicy(text: string | undefined): ParsedPolicy {
  if (text === undefined) return { ok: false, message: 'the policy document is missing' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return { ok: false, message: 'the policy document is not valid URL-encoded text' };
  }
  return parsePolicyJson(decoded);
}
