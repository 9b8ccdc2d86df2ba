/** The options of `vigil audit verify|show|export`, checked at the boundary (parse-options.ts). */
import { Type, type Static } from '@sinclair/typebox';
import type { CommandOptions } from './parse-options.js';

const storeOptions = { store: Type.Optional(Type.String()), config: Type.Optional(Type.String()) };

const AuditVerifyOptions = Type.Object(
  { file: Type.Optional(Type.String()), format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])), ...storeOptions },
  { additionalProperties: false },
);
export type AuditVerifyOptions = Static<typeof AuditVerifyOptions>;
/** `--file` checks an exported copy offline: no store is opened. */
export const auditVerifyOptions: CommandOptions<typeof AuditVerifyOptions> = { schema: AuditVerifyOptions, notWith: { file: 'store' } };

const AuditShowOptions = Type.Object(
  {
    bot: Type.Optional(Type.String()),
    since: Type.Optional(Type.String()),
    run: Type.Optional(Type.String()),
    limit: Type.Integer({ minimum: 1, maximum: 100_000, default: 100 }),
    format: Type.Optional(Type.Union([Type.Literal('table'), Type.Literal('json')])),
    ...storeOptions,
  },
  { additionalProperties: false },
);
export type AuditShowOptions = Static<typeof AuditShowOptions>;
export const auditShowOptions: CommandOptions<typeof AuditShowOptions> = { schema: AuditShowOptions };

const AuditExportOptions = Type.Object(storeOptions, { additionalProperties: false });
export type AuditExportOptions = Static<typeof AuditExportOptions>;
export const auditExportOptions: CommandOptions<typeof AuditExportOptions> = { schema: AuditExportOptions };
