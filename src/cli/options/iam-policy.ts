/** The options of `vigil iam-policy`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import { JsonFirstFormat, Repeated } from './common-options.js';
import type { CommandOptions } from './parse-options.js';

const IamPolicyOptions = Type.Object(
  { scan: Type.Boolean({ default: false }), pack: Repeated(), insight: Repeated(), format: JsonFirstFormat },
  { additionalProperties: false },
);
export type IamPolicyOptions = Static<typeof IamPolicyOptions>;

export const iamPolicyOptions: CommandOptions<typeof IamPolicyOptions> = { schema: IamPolicyOptions };
