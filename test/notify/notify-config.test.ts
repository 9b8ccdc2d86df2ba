import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';

function configFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vigil-notify-config-')), 'vigil.yaml');
  writeFileSync(file, yaml);
  return file;
}

describe('notify: in vigil.yaml', () => {
  it('accepts the documented example', async () => {
    const loaded = await loadConfig(
      configFile(`notify:
  slack: { tokenEnv: SLACK_BOT_TOKEN, apiUrl: "https://slack.com/api/", fallbackChannel: "#cloud-alerts" }
  email: { from: "vigil@example.com", smtp: { host: localhost, port: 587, secure: false, userEnv: SMTP_USER, passwordEnv: SMTP_PASSWORD } }
  ownerTags: [owner, owner-email, owner-slack, team]
  quietPeriod: 7d
  routes: [{ severity: [critical], environment: [production], slack: "#security" }]
`),
    );
    expect(loaded.ok).toBe(true);
  });

  it('rejects a token written in the file, naming the line, column and field', async () => {
    const loaded = await loadConfig(configFile(`notify:\n  slack:\n    tokenEnv: xoxb-1234-secret\n`));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.problems[0]).toMatchObject({ line: 3, column: 15 });
    expect(loaded.problems[0]?.message).toContain('tokenEnv');
  });

  it('rejects an unknown key and a malformed quiet period', async () => {
    const loaded = await loadConfig(configFile(`notify:\n  quietPeriod: 7 days\n  slak: {}\n`));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const messages = loaded.problems.map((problem) => `${problem.line}: ${problem.message}`).join('\n');
    expect(messages).toMatch(/2: .*quietPeriod/);
    expect(messages).toMatch(/slak/);
  });
});
