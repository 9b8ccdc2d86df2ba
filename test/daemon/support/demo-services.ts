/**
 * The daemon's services over the bundled demo organisation (no AWS): each account's scan
 * "collects" that account of the demo's Friday inventory; bot runs are recorded (dry run); the
 * outbox has no transport. A collection can be held open to test overruns and shutdowns.
 */
import type { BotRunRequest, CollectRequest, DaemonServices } from '../../../src/daemon/services.js';
import { CoverageCollector } from '../../../src/demo/coverage.js';
import { demoOrganisation } from '../../../src/demo/organisation.js';
import { DEMO_MOMENTS } from '../../../src/demo/timeline.js';
import { prepareScan } from '../../../src/app/prepare-scan.js';
import { writeSnapshot } from '../../../src/snapshot/snapshot-writer.js';
import { demoConfigFile } from '../../../src/cli/commands/demo.js';

export interface DemoServices extends DaemonServices {
  readonly collected: string[];
  readonly botRuns: BotRunRequest[];
  /** While set, each collection waits for it (or for its abort signal). */
  hold: Promise<void> | undefined;
}

export function demoServices(options: { reportDir: string }): DemoServices {
  const moment = DEMO_MOMENTS[DEMO_MOMENTS.length - 1]!;
  const services: DemoServices = {
    collected: [],
    botRuns: [],
    hold: undefined,
    prepare: (now) => prepareScan({ configFile: demoConfigFile(), now }),
    async collect(request: CollectRequest) {
      services.collected.push(request.accountId ?? 'all');
      if (services.hold !== undefined) {
        await Promise.race([services.hold, new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }))]);
      }
      const org = demoOrganisation({ moment: moment.id });
      const resources = [...org.resources()].filter((resource) => request.accountId === undefined || resource.accountId === request.accountId);
      const coverage = new CoverageCollector();
      for (const resource of resources) coverage.record(resource);
      await writeSnapshot(
        request.file,
        {
          kind: 'vigil-snapshot',
          schemaVersion: 1,
          collectedAt: request.now().toISOString(),
          collector: { tool: 'vigil', version: 'test', source: 'synthetic' },
          accounts: org.accounts
            .filter((account) => request.accountId === undefined || account.id === request.accountId)
            .map((account) => ({ id: account.id, name: account.name, regions: [...org.allowedRegions, org.strayRegion], scanned: true })),
          coverage: coverage.list(),
        },
        resources,
      );
      return { ok: true, degraded: false, calls: { s3: { calls: resources.length, throttles: 1 } } };
    },
    async runBot(request) {
      services.botRuns.push(request);
      return { mode: 'dry-run', actions: { planned: 1 } };
    },
    transports: {},
    reportDir: options.reportDir,
    keepScansDays: 90,
  };
  return services;
}
