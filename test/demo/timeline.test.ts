import { describe, expect, it } from 'vitest';
import { demoOrganisation } from '../../src/demo/organisation.js';
import { DEMO_MOMENTS } from '../../src/demo/timeline.js';
import type { AnyResource } from '../../src/model/resource.js';

const byName = (resources: readonly AnyResource[], type: string, name: string) => resources.find((r) => r.type === type && r.name === name);

describe('the demo organisation over two days', () => {
  const [thursday, evening, friday] = DEMO_MOMENTS.map((m) => ({ moment: m, org: demoOrganisation({ moment: m.id }) }));
  const today = [...demoOrganisation().resources()];

  it('is the demo inventory itself at its last moment', () => {
    expect(friday!.org.collectedAt).toBe(demoOrganisation().collectedAt);
    expect([...friday!.org.resources()]).toEqual(today);
  });

  it('ages the inventory backwards: later resources did not exist, later events had not happened, last-used times were at most the moment', () => {
    const then = [...thursday!.org.resources()];
    expect(thursday!.org.collectedAt).toBe('2026-11-19T06:00:00.000Z');
    expect(then.every((r) => r.observedAt === '2026-11-19T06:00:00.000Z')).toBe(true);
    // the control plane's snapshot taken at 01:12 on Friday
    expect(today.some((r) => r.name === 'rds:ledgerline-control-plane-2026-11-20-01-12')).toBe(true);
    expect(then.some((r) => r.name === 'rds:ledgerline-control-plane-2026-11-20-01-12')).toBe(false);
    const workflow = (resources: readonly AnyResource[]) => byName(resources, 'AWS::StepFunctions::StateMachine', 'harbor-bank-sftp-ingest');
    expect((workflow(today)?.config as { recentFailedExecutions: unknown[] }).recentFailedExecutions).toHaveLength(3);
    expect((workflow(then)?.config as { recentFailedExecutions: unknown[] }).recentFailedExecutions).toHaveLength(0);
    expect((workflow([...evening!.org.resources()])?.config as { recentFailedExecutions: unknown[] }).recentFailedExecutions).toHaveLength(3);
    const deployer = (resources: readonly AnyResource[]) =>
      (byName(resources, 'AWS::IAM::User', 'harbor-bank-deployer')?.config as { accessKeys: { lastUsedDate: string }[] }).accessKeys[0]!.lastUsedDate;
    expect(deployer(today)).toBe('2026-11-20T06:00:00.000Z');
    expect(deployer(then)).toBe('2026-11-19T06:00:00.000Z');
    // dates beyond the inventory's time (expiries) stay where they are
    const byok = (resources: readonly AnyResource[]) => JSON.stringify(byName(resources, 'AWS::KMS::Key', 'alias/harbor-bank-byok')?.config);
    expect(byok(then)).toBe(byok(today));
  });

  it('tells its story: fixed the same day, fixed the next day, new on Friday, and a port opened again', () => {
    const [morning, night] = [[...thursday!.org.resources()], [...evening!.org.resources()]];
    const versioning = (resources: readonly AnyResource[]) =>
      (resources.find((r) => r.type === 'AWS::S3::Bucket' && r.name?.startsWith('harbor-bank-reports-'))?.config as { versioning: { status: string } })
        .versioning.status;
    expect([versioning(morning), versioning(night), versioning(today)]).toEqual(['Suspended', 'Enabled', 'Enabled']);
    const ssh = (resources: readonly AnyResource[]) =>
      (byName(resources, 'AWS::EC2::SecurityGroup', 'harbor-bank-bastion')?.config as { ingress: { fromPort: number; ipv4Ranges: string[] }[] }).ingress.find(
        (r) => r.fromPort === 22,
      )!.ipv4Ranges;
    expect([ssh(morning), ssh(night), ssh(today)]).toEqual([['0.0.0.0/0'], ['203.0.113.0/24'], ['0.0.0.0/0']]);
    const rotation = (resources: readonly AnyResource[]) =>
      (byName(resources, 'AWS::KMS::Key', 'alias/harbor-bank-data')?.config as { rotation: { enabled: boolean } }).rotation.enabled;
    expect([rotation(morning), rotation(night), rotation(today)]).toEqual([false, false, true]);
    const isPublic = (resources: readonly AnyResource[]) =>
      (byName(resources, 'AWS::RDS::DBInstance', 'northwind-savings-reporting')?.config as { publiclyAccessible: boolean }).publiclyAccessible;
    expect([isPublic(morning), isPublic(night), isPublic(today)]).toEqual([false, false, true]);
  });

  it('refuses a moment it does not know', () => {
    expect(() => demoOrganisation({ moment: 'sunday' })).toThrow(/no demo moment 'sunday'/);
  });
});
