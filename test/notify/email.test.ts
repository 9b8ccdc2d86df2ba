import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailDigest } from '../../src/notify/email-digest.js';
import { emailTransport } from '../../src/notify/email-transport.js';
import type { OwnerDigest } from '../../src/notify/owner-digest.js';
import { startLocalSmtp, type LocalSmtp } from './support/local-smtp.js';

const HOSTILE = '<script>alert("x")</script>';

const digest: OwnerDigest = {
  owner: { email: 'alice@bank.example', via: 'tag' },
  exemptionHelp: 'ask #cloud-security for an exemption',
  items: [
    {
      change: 'new',
      finding: {
        id: '0'.repeat(32),
        title: 'S3 buckets carry the required tags',
        severity: 'medium',
        reason: `tag team is '${HOSTILE}', not one of the allowed teams`,
        resource: { arn: 'arn:aws:s3:::evil-bucket', type: 'AWS::S3::Bucket', accountId: '111122223333', region: 'eu-west-1', name: `${HOSTILE}-bucket` },
      },
      remediation: { console: 'S3 → the bucket → Properties → Tags', cli: 'aws s3api put-bucket-tagging --bucket <bucket> ...' },
    },
  ],
};

let smtp: LocalSmtp;
beforeEach(async () => {
  smtp = await startLocalSmtp();
});
afterEach(() => smtp.close());

const transport = () => emailTransport({ from: 'vigil@example.com', host: '127.0.0.1', port: smtp.port, secure: false });

describe('e-mail through a real SMTP server', () => {
  it('arrives with recipients, subject, HTML and text parts, the CSV attachment, and the markup escaped', async () => {
    const message = emailDigest(digest, ['ciso@bank.example', 'cio@bank.example']);
    expect(await transport().send(message, 'k'.repeat(64))).toEqual({ ok: true });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(smtp.envelopes[0]).toEqual(['ciso@bank.example', 'cio@bank.example']);
    expect(mail.subject).toBe('Vigil: 1 compliance finding on your resources');
    expect(mail.messageId).toBe(`<${'k'.repeat(64)}@vigil>`);
    const html = String(mail.html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('<strong>&lt;script>alert(&quot;x&quot;)&lt;/script>-bucket</strong>');
    expect(html).toMatch(/<th style="[^"]*background: ?#243b53/);
    expect(mail.text).toContain(`${HOSTILE}-bucket`);
    expect(mail.text).toContain('aws s3api put-bucket-tagging');
    expect(mail.attachments.map((attachment) => [attachment.filename, attachment.contentType])).toEqual([['findings.csv', 'text/csv']]);
    expect(mail.attachments[0]?.content.toString()).toContain('"<script>alert(""x"")</script>-bucket"');
  });

  it('reports a refused recipient as permanent, and a server that is down as a retry', async () => {
    smtp.rejectRecipients = true;
    expect(await transport().send(emailDigest(digest, ['nobody@bank.example']), 'k')).toMatchObject({ ok: false, kind: 'permanent' });
    await smtp.close();
    expect(await transport().send(emailDigest(digest, ['ciso@bank.example']), 'k')).toMatchObject({ ok: false, kind: 'retry' });
  });
});
