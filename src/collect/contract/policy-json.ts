/**
 * Bucket and key policies arrive as JSON strings. A policy that does not parse to a JSON object
 * is not "no policy": the field becomes unknown and coverage says why, so the insights judging it
 * return `error`.
 */
import type { PolicyDocument } from '../../model/common.js';

export type ParsedPolicy = { ok: true; policy: PolicyDocument } | { ok: false; message: string };

export function parsePolicyJson(text: string | undefined): ParsedPolicy {
  if (text === undefined || text.trim() === '') return { ok: false, message: 'the policy text is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the policy is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'the policy is not a JSON object' };
  }
  return { ok: true, policy: value as PolicyDocument };
}

export const UNPARSABLE_POLICY = 'UnparsablePolicy';
