/**
 * Records a scan in the store, at the scan's boundary: it hears each finding as the scan writes
 * it (`observe`), records the scan once evaluated (`record`), and gives the output each finding's
 * lifecycle. The engine knows nothing of the store.
 */
import { randomUUID } from 'node:crypto';
import type { ScanResult } from '../engine/scan.js';
import type { Finding } from '../findings/finding.js';
import type { ScanInfo } from '../findings/scan-output.js';
import { buildSummary } from '../engine/summary.js';
import type { FindingAnnotator } from '../output/write-json.js';
import { canonicalJson } from '../store/canonical-json.js';
import type { RollupCounts } from '../store/daily-rollups.js';
import { JsonLinesSpool } from '../output/findings-spool.js';
import { findingLifecycles, recordCrashedScan, recordScan, type RecordedScan } from '../store/record-scan.js';
import { ScanObservations } from '../store/scan-observations.js';
import { scanScope } from '../store/scan-scope.js';
import type { Store } from '../store/store.js';
import type { PreparedScan } from './prepare-scan.js';

export interface RecordingOutcome {
  readonly recorded: RecordedScan;
  /** The scan as the output shows it: with its previous scan. */
  readonly scan: ScanInfo;
  /** Reads the findings' lifecycle from the store: what adds `firstSeen`, `lastSeen` and `state` to each finding's JSON line. */
  annotator(): Promise<FindingAnnotator>;
}

export interface ScanRecording {
  observe(finding: Finding, line: string): void;
  record(result: ScanResult): Promise<RecordingOutcome>;
  /** The scan threw: recorded as crashed. */
  crashed(error: unknown, startedAt: Date): Promise<void>;
}

export interface RecordingOptions {
  readonly source: 'snapshot' | 'live' | 'demo';
  readonly keepScansDays: number;
  readonly now: () => Date;
  /** The scan's id in the store (default: the engine's); the demo's are fixed, so it records each day once. */
  readonly scanId?: string;
}

export function scanRecording(store: Store, prepared: PreparedScan, options: RecordingOptions): ScanRecording {
  const observations = new ScanObservations();
  // The listed findings (fail, error, exempt), which the recorder may write; with --all the scan's own spool holds every evaluation.
  const listed = new JsonLinesSpool<Finding>();
  const variantOf = variantResolver(prepared);
  return {
    observe: (finding, line) => {
      if (observations.add(finding, line)) listed.addLine(line);
    },
    async record(result) {
      const { header, scan: info } = result;
      const id = options.scanId ?? info.id;
      const scope = scanScope({
        accounts: header.accounts,
        coverage: header.coverage,
        insights: prepared.plan.bindings.map((binding) => ({ insight: binding.insight.id, variant: binding.variant })),
      });
      let recorded: RecordedScan;
      try {
        recorded = await recordScan(store, {
          id,
          observedAt: new Date(header.collectedAt).toISOString(),
          startedAt: info.startedAt,
          finishedAt: info.finishedAt,
          status: header.accounts.some((account) => account.scanned === false) ? 'degraded' : 'complete',
          source: options.source,
          sourceFile: options.source === 'snapshot' ? info.source.file : null,
          scope,
          packs: info.packs,
          resources: info.resources,
          evaluations: info.evaluations,
          listed: observations.listed,
          passed: observations.passed,
          notApplicable: observations.notApplicable,
          findingsOf: (ids) => findingsIn(listed, ids),
          variantOf,
          rollups: rollupsOf(prepared, result),
          recordedAt: options.now().toISOString(),
          keepScansDays: options.keepScansDays,
        });
      } finally {
        listed.dispose();
      }
      const observedAt = new Date(header.collectedAt).toISOString();
      const annotator = async (): Promise<FindingAnnotator> => {
        const lifecycles = await findingLifecycles(store, [...scope.regions.keys()], observedAt);
        return (line) => {
          const lifecycle = lifecycles.get(idOfLine(line));
          const fields = lifecycle === undefined ? { firstSeen: observedAt, lastSeen: observedAt } : lifecycle;
          return `${line.slice(0, -1)},"firstSeen":"${fields.firstSeen}","lastSeen":"${fields.lastSeen}"${lifecycle?.state === undefined ? '' : `,"state":"${lifecycle.state}"`}}`;
        };
      };
      return { recorded, scan: { ...info, id, previousScan: recorded.previousScan }, annotator };
    },
    async crashed(error, startedAt) {
      await recordCrashedScan(store, {
        id: options.scanId ?? randomUUID(),
        startedAt: startedAt.toISOString(),
        finishedAt: options.now().toISOString(),
        source: options.source,
        sourceFile: null,
        packs: prepared.plan.packs.map((pack) => pack.id),
        error: error instanceof Error ? error.message : String(error),
      });
    },
  };
}

/**
 * The parameter variant of a finding's insight. A finding carries the parameters that differ from
 * the insight's defaults; each variant of an insight differs in them.
 */
function variantResolver(prepared: PreparedScan): (finding: Finding) => string {
  const variants = new Map<string, string>();
  for (const binding of prepared.plan.bindings) {
    variants.set(`${binding.insight.id}\u0000${canonicalJson(binding.changedParams ?? {})}`, binding.variant);
  }
  return (finding) => variants.get(`${finding.insight}\u0000${canonicalJson(finding.params ?? {})}`) ?? '';
}

/** Per account, pack and control: the scan's verdict counts (manual controls have none). */
function rollupsOf(prepared: PreparedScan, result: ScanResult): RollupCounts[] {
  const rollups: RollupCounts[] = [];
  for (const accountId of result.tally.accounts()) {
    for (const pack of buildSummary(prepared.plan, result.tally, {}, accountId).packs) {
      for (const control of pack.controls) {
        if (control.status === 'manual') continue;
        const { pass, fail, error, exempt, notApplicable } = control;
        if (pass + fail + error + exempt + notApplicable === 0) continue;
        rollups.push({ accountId, pack: pack.id, control: control.id, pass, fail, error, exempt, notApplicable });
      }
    }
  }
  return rollups;
}

/** A finding's id: the first field of the line the scan wrote, or parsed when it is not. */
function idOfLine(line: string): string {
  return line.startsWith('{"id":"') && line.charAt(39) === '"' ? line.slice(7, 39) : (JSON.parse(line) as Finding).id;
}

async function* findingsIn(spool: JsonLinesSpool<Finding>, ids: ReadonlySet<string>): AsyncGenerator<Finding> {
  for await (const line of spool.lines()) {
    if (ids.has(idOfLine(line))) yield JSON.parse(line) as Finding;
  }
}
