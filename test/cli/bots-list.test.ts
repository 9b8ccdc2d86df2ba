import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

describe('vigil bots list', () => {
  it('lists the shipped bots with their schedule in words, and the config overrides', async () => {
    const dir = tempDir();
    const config = join(dir, 'vigil.yaml');
    writeFileSync(config, 'bots:\n  kms-key-rotation: { mode: enforce }\n');
    const run = await vigil(['bots', 'list', '--format', 'json', '--config', config]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { id: string; mode: string; resourceType: string | string[]; schedule: string; lastRun: unknown }[];
    expect(rows.map((r) => [r.id, r.mode, r.resourceType])).toEqual([
      ['db-backup-retention', 'dry-run', 'AWS::RDS::DBInstance'],
      ['deployer-keys-business-hours', 'dry-run', 'AWS::IAM::User'],
      [
        'disallowed-region-cleanup',
        'dry-run',
        ['AWS::EC2::Instance', 'AWS::SageMaker::NotebookInstance', 'AWS::S3::Bucket', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::EC2::Volume'],
      ],
      ['external-ip-db', 'dry-run', 'AWS::RDS::DBInstance'],
      ['iam-access-key-rotation', 'dry-run', 'AWS::IAM::User'],
      ['iam-hygiene', 'dry-run', ['AWS::IAM::User', 'AWS::IAM::Group']],
      ['kms-key-rotation', 'enforce', 'AWS::KMS::Key'],
      ['notebook-sleeper', 'dry-run', 'AWS::SageMaker::NotebookInstance'],
      ['public-bucket-fix', 'dry-run', 'AWS::S3::Bucket'],
      ['stack-cleanup', 'dry-run', 'AWS::CloudFormation::Stack'],
      ['step-function-failures', 'dry-run', 'AWS::StepFunctions::StateMachine'],
      ['storage-running-out', 'dry-run', 'AWS::RDS::DBInstance'],
      ['unencrypted-db-alert', 'dry-run', ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster']],
    ]);
    expect(rows.find((r) => r.id === 'deployer-keys-business-hours')?.schedule).toBe(
      `cron "*/15 * * * *" (each account's time zone); desired state reconciled at each run: inside Mon-Fri 07:00–19:00 (each account's time zone) or outside`,
    );
  });

  it('refuses a broken bot folder with file:line:column and exit 2', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'bad.yaml'),
      'id: bad\ntitle: t\ndescription: d\nresourceType: AWS::S3::Bucket\nfilters: [{ insight: s3-bucket-public }]\nactions: [{ action: nope }]\n',
    );
    const run = await vigil(['bots', 'list', '--bots', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(dir, 'bad.yaml')}:6:21: actions[0].action: no action with id 'nope'`);
  });
});
