/** The options of `vigil notify test`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const NotifyTestOptions = Type.Object(
  {
    slack: Type.Optional(Type.String({ minLength: 1 })),
    email: Type.Optional(Type.String({ minLength: 1 })),
    config: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type NotifyTestOptions = Static<typeof NotifyTestOptions>;
export const notifyTestOptions: CommandOptions<typeof NotifyTestOptions> = { schema: NotifyTestOptions, notWith: { slack: 'email' } };
