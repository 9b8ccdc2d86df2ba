/** Loads an exemptions file with located problems: schema, unknown insights, expiry warnings. */
import { readYamlFile } from '../input/yaml-file.js';
import type { Loaded, Problem } from '../input/problem.js';
import { ExemptionsFile } from './exemption-schema.js';
import { compileExemption, type CompiledExemption } from './exemption-matcher.js';

/** `vigil validate` warns about exemptions expiring within this many days. */
export const EXPIRY_WARNING_DAYS = 14;

export async function loadExemptions(file: string, knownInsights: ReadonlySet<string>, now: Date): Promise<Loaded<CompiledExemption[]>> {
  const loaded = await readYamlFile(file, ExemptionsFile);
  if (!loaded.ok) return loaded;
  const { value, source } = loaded.value;
  const problems: Problem[] = [];
  const warnings: Problem[] = [...loaded.warnings];
  value.exemptions.forEach((exemption, index) => {
    const at = ['exemptions', index];
    if (!knownInsights.has(exemption.insight)) {
      problems.push(source.problemAt([...at, 'insight'], `exemptions[${index}].insight: unknown insight '${exemption.insight}'`));
    }
    if (exemption.resources === undefined && exemption.tags === undefined && exemption.accounts === undefined) {
      problems.push(
        source.problemAt(at, `exemptions[${index}]: name the resources, tags or accounts it covers (an exemption for everything is not an exemption)`),
      );
    }
    const compiled = compileExemption(exemption, file);
    const daysLeft = (compiled.endsAt - now.getTime()) / 86_400_000;
    if (daysLeft <= 0) {
      warnings.push(source.problemAt([...at, 'expires'], `exemptions[${index}]: expired on ${exemption.expires}; it no longer applies`, 'warning'));
    } else if (daysLeft <= EXPIRY_WARNING_DAYS) {
      warnings.push(
        source.problemAt([...at, 'expires'], `exemptions[${index}]: expires on ${exemption.expires}, within ${EXPIRY_WARNING_DAYS} days`, 'warning'),
      );
    }
  });
  if (problems.length > 0) return { ok: false, problems: [...problems, ...warnings] };
  return { ok: true, value: value.exemptions.map((exemption) => compileExemption(exemption, file)), warnings };
}
