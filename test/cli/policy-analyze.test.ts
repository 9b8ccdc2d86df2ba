import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicyAnalyzeOutput } from '../../src/cli/commands/policy-analyze.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();
const OWNER = '111122223333';
const PARTNER = '444455556666';
const BUCKET = 'arn:aws:s3:::example-bucket';

function policyFile(document: unknown): string {
  const file = join(tempDir(), 'policy.json');
  writeFileSync(file, JSON.stringify(document, null, 2));
  return file;
}

describe('vigil policy analyze', () => {
  it('reports a public statement and cross-account access, and trusts the accounts it is told to', async () => {
    const file = policyFile({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${BUCKET}/*` },
        { Sid: 'PartnerWrite', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${PARTNER}:root` }, Action: ['s3:PutObject'], Resource: `${BUCKET}/*` },
      ],
    });
    const run = await vigil(['policy', 'analyze', file, '--account', OWNER]);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as PolicyAnalyzeOutput;
    expect(output).toMatchObject({
      public: true,
      publicActions: ['s3:GetObject'],
      crossAccount: [{ account: PARTNER, actions: ['s3:PutObject'] }],
      externalAccess: [{ party: `account ${PARTNER}`, kind: 'account', actions: ['s3:PutObject'] }],
      statements: [
        { sid: 'PublicRead', effect: 'Allow', public: true },
        { sid: 'PartnerWrite', effect: 'Allow', public: false },
      ],
    });
    expect(JSON.parse((await vigil(['policy', 'analyze', file, '--account', OWNER, '--format', 'json'])).stdout)).toEqual(output);
    const table = await vigil(['policy', 'analyze', file, '--account', OWNER, '--format', 'table']);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^Policy: PUBLIC: anyone may s3:GetObject\n\nEXTERNAL PARTY\s+KIND\s+ACTIONS\n/);
    expect(table.stdout).toMatch(new RegExp(`^account ${PARTNER}\\s+account\\s+s3:PutObject$`, 'm'));
    expect(table.stdout).toMatch(/^STATEMENT\s+EFFECT\s+PUBLIC\s+REASON\nPublicRead\s+Allow\s+yes\s+\S/m);
    const trusted = JSON.parse((await vigil(['policy', 'analyze', file, '--account', OWNER, '--trusted-account', PARTNER])).stdout) as PolicyAnalyzeOutput;
    expect(trusted.crossAccount).toEqual([]);
  });

  it('does not call public an Allow to everyone limited to the organisation', async () => {
    const file = policyFile({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `${BUCKET}/*`,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ],
    });
    const output = JSON.parse((await vigil(['policy', 'analyze', file, '--account', OWNER, '--org-id', 'o-a1b2c3d4e5'])).stdout) as PolicyAnalyzeOutput;
    expect(output.public).toBe(false);
    expect((await vigil(['policy', 'analyze', file, '--account', OWNER, '--org-id', 'o-a1b2c3d4e5'])).code).toBe(0);
  });

  it('exits 2 on invalid JSON with its position, a malformed policy and a bad account id', async () => {
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}\n');
    const run = await vigil(['policy', 'analyze', broken, '--account', OWNER]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^${broken}:3:\\d+: invalid JSON`, 'm'));
    const malformed = policyFile({ Statement: [{ Effect: 'Maybe', Principal: '*', Action: 's3:GetObject' }] });
    expect((await vigil(['policy', 'analyze', malformed, '--account', OWNER])).stderr).toMatch(/cannot be analysed/);
    expect((await vigil(['policy', 'analyze', malformed, '--account', '12'])).code).toBe(2);
  });
});
