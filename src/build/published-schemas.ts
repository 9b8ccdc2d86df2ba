/**
 * The JSON Schemas Vigil publishes in `schemas/`: every file a user writes and every file Vigil
 * writes. Generated from the same TypeBox schemas that type and validate them; a test keeps
 * `schemas/` in step.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { AuditExportLine } from '../audit/audit-export.js';
import { BotFile } from '../bots/bot-schema.js';
import { PlanDocument } from '../bots/runtime/bot-plan.js';
import { VigilConfig } from '../config/config-schema.js';
import { CustomInsightSchema } from '../custom/custom-insight-schema.js';
import { ExemptionsFile } from '../exemptions/exemption-schema.js';
import { ScanOutput } from '../findings/scan-output.js';
import { resourceSchema } from '../model/resource.js';
import { resourceTypes } from '../model/resource-types.js';
import { SnapshotHeader } from '../snapshot/snapshot-header.js';
import { PackFile } from '../packs/pack-schema.js';
import { ScorecardOutput } from '../../scorecard/scorecard-schema.js';

const DRAFT = 'http://json-schema.org/draft-07/schema#';

function publish(schema: TSchema): Record<string, unknown> {
  // JSON round trip drops TypeBox's symbol-keyed metadata.
  return { $schema: DRAFT, ...(JSON.parse(JSON.stringify(schema)) as Record<string, unknown>) };
}

export function publishedSchemas(): Record<string, Record<string, unknown>> {
  return {
    'config.json': publish(VigilConfig),
    'pack.json': publish(PackFile),
    'bot.json': publish(BotFile),
    'plan.json': publish(PlanDocument),
    'audit-export.json': publish(AuditExportLine),
    'custom-insight.json': publish(CustomInsightSchema),
    'exemptions.json': publish(ExemptionsFile),
    'snapshot-header.json': publish(SnapshotHeader),
    'snapshot-resource.json': publish(
      Type.Union(
        resourceTypes.map((type) => resourceSchema(type)),
        { $id: 'https://vigil.dev/schemas/snapshot-resource.json', title: 'Vigil snapshot resource line' },
      ),
    ),
    'findings.json': publish(ScanOutput),
    'scorecard.json': publish(ScorecardOutput),
  };
}
