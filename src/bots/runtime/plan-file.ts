/**
 * A plan file on disk: the plan with the SHA-256 of its canonical JSON inside. Reading it back
 * recomputes the hash, so an edited file is refused, and `--sha256` must name that same hash.
 */
import { displayPath, fieldErrors } from '../../input/ajv-messages.js';
import { validatorFor } from '../../schemas/ajv.js';
import { PlanFile, sha256Of } from './bot-plan.js';

export function planFileText(plan: PlanFile): { text: string; sha256: string } {
  const sha256 = sha256Of(plan);
  return { text: `${JSON.stringify({ sha256, plan }, null, 2)}\n`, sha256 };
}

export type ReadPlan = { ok: true; plan: PlanFile; sha256: string } | { ok: false; message: string };

export function readPlanText(text: string, expected?: string): ReadPlan {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}` };
  }
  const { sha256, plan } = (parsed ?? {}) as { sha256?: unknown; plan?: unknown };
  const validate = validatorFor(PlanFile);
  if (!validate(plan))
    return {
      ok: false,
      message: `not a plan: ${fieldErrors(validate.errors ?? [])
        .map((e) => `plan.${displayPath(e.path)}: ${e.message}`)
        .join('; ')}`,
    };
  const actual = sha256Of(plan);
  if (sha256 !== actual) return { ok: false, message: `the plan was changed after it was made (its content hashes to ${actual}, not ${String(sha256)})` };
  if (expected !== undefined && expected !== actual) return { ok: false, message: `the plan's SHA-256 is ${actual}, not ${expected}` };
  return { ok: true, plan, sha256: actual };
}
