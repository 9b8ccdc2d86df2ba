/** Loads an exemptions file with located problems: schema, unknown insights, an expiry too far ahead, expiry warnings. */
import { readYamlFile } from '../input/yaml-file.js';
import type { Loaded, Problem } from '../input/problem.js';
import { ExemptionsFile } from './exemption-schema.js';
import { compileExemption, type CompiledExemption } from './exemption-matcher.js';

/** `vigil validate` warns about exemptions expiring within this many days. */
export const EXPIRY_WARNING_DAYS = 14;

/** How far ahead an exemption may expire unless the configuration says otherwise (`exemptionMaxDays`). */
export const DEFAULT_EXEMPTION_MAX_DAYS = 365;

export async function loadExemptions(
  file: string,
  knownInsights: ReadonlySet<string>,
  now: Date,
  maxDays: number = DEFAULT_EXEMPTION_MAX_DAYS,
): Promise<Loaded<CompiledExemption[]>> {
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
    // The last day counts whole: an expiry on the same date next year is within a year.
    if (daysLeft > maxDays + 1) {
      problems.push(
        source.problemAt(
          [...at, 'expires'],
          `exemptions[${index}].expires: ${exemption.expires} is more than ${maxDays} days ahead; an accepted risk is looked at again at least that often (exemptionMaxDays in the configuration)`,
        ),
      );
    } else if (daysLeft <= 0) {
      warnings.push(source.problemAt([...at, 'expires'], `exemptions[${index}]: expired on ${exemption.expires}; it no longer applies`, 'warning'));
    } else if (daysLeft <= EXPIRY_WARNING_DAYS) {
      warnings.push(
        source.problemAt([...at, 'expires'], `exemptions[${index}]: expires on ${exemption.expires}, within ${EXPIRY_WARNING_DAYS} days`, 'warning'),
      );
    }
  });
  if (problems.length > 0) return { ok: false, problems: [...problems, ...warnings] };
  const sites = (index: number, exemption: (typeof value.exemptions)[number]) =>
    (exemption.resources ?? []).map((_, at) => {
      const { line, column } = source.problemAt(['exemptions', index, 'resources', at], '');
      return { line, column };
    });
  return { ok: true, value: value.exemptions.map((exemption, index) => compileExemption(exemption, file, sites(index, exemption))), warnings };
}
