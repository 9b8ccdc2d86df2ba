import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { ScanOutput } from '../../src/findings/scan-output.js';
import { vigil } from '../support/cli.js';
import { useTempDir } from '../support/temp-dir.js';

const tempDir = useTempDir();

describe('vigil demo notifications', () => {
  it('writes the digests the last scan would send — Block Kit JSON and .eml — and sends nothing; findings carry owners', async () => {
    const dir = tempDir();
    const out = join(dir, 'out');
    const run = await vigil(['demo', '--out-dir', out, '--store', `sqlite:${join(dir, 'vigil.db')}`], undefined, { workDir: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const files = readdirSync(join(out, 'notifications')).sort();
    expect(run.stdout).toContain(`Wrote ${files.length} notifications (not sent)`);
    const slack = files.filter((file) => file.endsWith('.json'));
    const emails = files.filter((file) => file.endsWith('.eml'));
    expect(slack.length).toBeGreaterThan(0);
    expect(emails.length).toBeGreaterThan(0);

    const findings = (JSON.parse(readFileSync(join(out, 'findings.json'), 'utf8')) as ScanOutput).findings;
    expect(findings.every((finding) => finding.owner !== undefined)).toBe(true);
    // The last scan's new failures: each is in the digest of its owner's Slack target.
    const stateOf = new Map(findings.map((finding) => [finding.id, finding.state]));
    expect([...stateOf.values()]).toContain('open');
    for (const file of slack) {
      const message = JSON.parse(readFileSync(join(out, 'notifications', file), 'utf8')) as { target: string; text: string; blocks: { type: string }[] };
      expect(message.text).toMatch(/^Vigil: \d+ compliance findings? on your resources$/);
      expect(message.blocks[0]?.type).toBe('header');
      expect(message.blocks.length).toBeLessThanOrEqual(50);
    }
    const toSecurity = slack.find((file) => file === 'slack-security.json');
    expect(toSecurity).toBeDefined();
    const mail = await simpleParser(readFileSync(join(out, 'notifications', emails[0]!)));
    expect(mail.subject).toMatch(/^Vigil: \d+ compliance findings? on your resources$/);
    expect(mail.from?.text).toBe('vigil@ledgerline.example');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['findings.csv']);
    expect(String(mail.html)).toContain('<table');

    const quiet = join(dir, 'quiet');
    const without = await vigil(['demo', '--out-dir', quiet, '--no-store', '--no-notify'], undefined, { workDir: dir });
    expect(without.code).toBe(0);
    expect(existsSync(join(quiet, 'notifications'))).toBe(false);
  });
});
