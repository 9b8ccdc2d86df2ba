import { describe, expect, it } from 'vitest';
import { parseCredentialReport, reportBoolean, reportDate } from '../../../src/collect/collectors/iam/credential-report.js';
import { REPORT_HEADER, REPORT_ROWS, reportContent } from './fixtures.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const GENERATED = new Date('2026-03-01T08:00:00Z');

function parsed(content: Uint8Array) {
  const result = parseCredentialReport(content, GENERATED);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}

describe('credential report parsing', () => {
  it('maps every row onto the header, the root row apart', () => {
    const report = parsed(reportContent());
    expect(report.generatedAt).toBe('2026-03-01T08:00:00.000Z');
    expect([...report.users.keys()]).toEqual(['alice', 'bob', 'carol']);
    expect(report.root).toMatchObject({ user: '<root_account>', password_enabled: 'not_supported', mfa_active: 'true', access_key_1_active: 'false' });
    expect(report.users.get('alice')).toMatchObject({
      arn: 'arn:aws:iam::111122223333:user/alice',
      access_key_1_last_used_service: 's3',
      access_key_2_last_rotated: '2024-05-01T12:00:00+00:00',
      cert_2_last_rotated: 'N/A',
    });
  });

  it('reads a name with commas, quoted or not (IAM names and paths may contain commas)', () => {
    const quoted = `"ops,oncall","arn:aws:iam::111122223333:user/a,b/ops,oncall",2024-01-01T00:00:00+00:00,true,N/A,N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
    const bare = `svc,deploy,arn:aws:iam::111122223333:user/ci,cd/svc,deploy,2024-01-01T00:00:00+00:00,false,N/A,N/A,N/A,false,true,2025-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
    const report = parsed(reportContent([REPORT_ROWS.root, quoted, bare]));
    expect(report.users.get('ops,oncall')).toMatchObject({ arn: 'arn:aws:iam::111122223333:user/a,b/ops,oncall', mfa_active: 'true' });
    expect(report.users.get('svc,deploy')).toMatchObject({
      arn: 'arn:aws:iam::111122223333:user/ci,cd/svc,deploy',
      access_key_1_active: 'true',
      access_key_1_last_rotated: '2025-01-01T00:00:00+00:00',
    });
  });

  it('takes a report with a byte order mark, CRLF line ends and columns added later', () => {
    const text = `\uFEFF${REPORT_HEADER},new_column\r\n${REPORT_ROWS.bob},x\r\n`;
    expect(parsed(bytes(text)).users.get('bob')).toMatchObject({ password_enabled: 'false', new_column: 'x' });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(parseCredentialReport(undefined, GENERATED)).toEqual({ ok: false, message: 'GetCredentialReport returned no Content' });
    expect(parseCredentialReport(bytes('user,arn\n'), GENERATED)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^the credential report lacks the columns user_creation_time/),
    });
    expect(parseCredentialReport(bytes(`${REPORT_HEADER}\nbob,arn:aws:iam::111122223333:user/bob,true\n`), GENERATED)).toEqual({
      ok: false,
      message: 'row 2 of the credential report has 3 fields for 22 columns',
    });
    expect(parseCredentialReport(new Uint8Array([0x75, 0xff, 0xfe]), GENERATED)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not readable CSV/),
    });
    expect(parseCredentialReport(bytes(`${REPORT_HEADER}\n"unterminated,x\n`), GENERATED)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not readable CSV/),
    });
  });

  it('interprets values', () => {
    expect([reportBoolean('true'), reportBoolean('FALSE'), reportBoolean('not_supported')]).toEqual([true, false, undefined]);
    expect(reportDate('2026-02-27T08:12:45+00:00')).toBe('2026-02-27T08:12:45.000Z');
    expect(reportDate('2026-02-27T08:12:45Z')).toBe('2026-02-27T08:12:45.000Z');
    for (const none of ['N/A', 'no_information', 'not_supported']) expect(reportDate(none)).toBeNull();
    expect(reportDate('yesterday')).toBeUndefined();
    expect(reportDate('2026-13-45T99:00:00+00:00')).toBeUndefined();
  });
});
