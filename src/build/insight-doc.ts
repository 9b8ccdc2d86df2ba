/** The Markdown page of an insight (`docs/insights/<id>.md`), generated from its metadata. */
import { Value } from '@sinclair/typebox/value';
import type { Insight } from '../engine/define-insight.js';
import { envelopeKeys } from '../model/resource-fields.js';
import type { ResolvedPack } from '../packs/load-packs.js';

export function insightDoc(insight: Insight, packs: readonly ResolvedPack[]): string {
  const lines = [
    `# ${insight.id}`,
    '',
    `**${insight.title}**`,
    '',
    `| resource type | severity |`,
    `|---|---|`,
    `| \`${insight.resourceType}\` | ${insight.severity} |`,
    '',
    '## What it checks',
    '',
    insight.description,
    '',
    '## Why it matters',
    '',
    insight.rationale,
    '',
    '## Remediation',
    '',
    `Console: ${insight.remediation.console}`,
    '',
    '```sh',
    insight.remediation.cli,
    '```',
    '',
  ];
  const properties = insight.params.properties as Record<string, { description?: string; default?: unknown; type?: string }>;
  const names = Object.keys(properties);
  if (names.length > 0) {
    const defaults = Value.Default(insight.params, {}) as Record<string, unknown>;
    lines.push('## Parameters', '', '| name | default | description |', '|---|---|---|');
    for (const name of names) {
      lines.push(`| \`${name}\` | \`${JSON.stringify(defaults[name])}\` | ${properties[name]?.description ?? ''} |`);
    }
    lines.push('');
  }
  lines.push('## Fields read', '', 'A live collection makes the API calls that fill these fields when the insight is selected.', '', ...readsList(insight), '');
  const controls = packs.flatMap((pack) =>
    pack.controls
      .filter((control) => control.insights.includes(insight.id))
      .map((control) => `- ${pack.name} (\`${pack.id}\`) ${control.id}: ${control.title}`),
  );
  lines.push('## Controls', '', ...(controls.length > 0 ? controls : ['No shipped pack uses this insight yet.']), '');
  lines.push("<!-- Generated from the insight's metadata by `npm run generate`; do not edit. -->", '');
  return lines.join('\n');
}

/** One line per resource type: `config.policy` for a config field, `tags` for an envelope field. */
function readsList(insight: Insight): string[] {
  const spell = (field: string) => ((envelopeKeys as readonly string[]).includes(field) ? `\`${field}\`` : `\`config.${field}\``);
  const list = (fields: readonly string[]) => (fields.length === 0 ? 'no field beyond its ARN and id' : fields.map(spell).join(', '));
  const { self, ofType, lookups } = insight.reads;
  return [
    `- ${insight.resourceType === '*' ? 'every resource type' : `\`${insight.resourceType}\``}: ${list(self)}`,
    ...Object.entries(ofType).map(([type, fields]) => `- \`${type}\`, also: ${list(fields)}`),
    ...Object.entries(lookups).map(([type, fields]) => `- \`${type}\` (looked up): ${list(fields)}`),
  ];
}
