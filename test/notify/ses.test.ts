import { MessageRejected, SESv2Client, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { beforeEach, describe, expect, it } from 'vitest';
import { configuredTransports } from '../../src/notify/configured-transports.js';
import { emailDigest } from '../../src/notify/email-digest.js';
import { sesEmailTransport } from '../../src/notify/email-transport.js';
import type { OwnerDigest } from '../../src/notify/owner-digest.js';

const ses = mockClient(SESv2Client);
beforeEach(() => ses.reset());

const digest: OwnerDigest = {
  owner: { email: 'alice@bank.example', via: 'tag' },
  exemptionHelp: 'ask #cloud-security',
  items: [
    {
      change: 'new',
      finding: {
        id: '0'.repeat(32),
        title: 'S3 buckets block public access',
        severity: 'high',
        reason: 'the bucket policy grants s3:GetObject to *',
        resource: { arn: 'arn:aws:s3:::<b>bold</b>', type: 'AWS::S3::Bucket', accountId: '111122223333', region: 'eu-west-1', name: '<b>bold</b>' },
      },
    },
  ],
};

const transport = () => sesEmailTransport({ from: 'vigil@example.com', region: 'eu-west-1' }, new SESv2Client({ region: 'eu-west-1' }));

describe('e-mail through Amazon SES v2', () => {
  it('sends the whole MIME message raw (HTML, text, CSV, our Message-ID) with SendEmail', async () => {
    // SendEmail's documented response: { MessageId }.
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018c1a2b3c4d-11111111-2222-3333-4444-555555555555-000000' });
    expect(await transport().send({ ...emailDigest(digest, ['alice@bank.example']), cc: ['audit@bank.example'] }, 'k'.repeat(64))).toEqual({ ok: true });
    const [call] = ses.commandCalls(SendEmailCommand);
    const input = call!.args[0].input;
    // The envelope holds every recipient; the headers tell To from Cc.
    expect(input.Destination?.ToAddresses).toEqual(['alice@bank.example', 'audit@bank.example']);
    const mail = await simpleParser(Buffer.from(input.Content!.Raw!.Data!));
    expect(mail.from?.text).toBe('vigil@example.com');
    expect([JSON.stringify(mail.to), JSON.stringify(mail.cc)]).toEqual([
      expect.stringContaining('alice@bank.example') as string,
      expect.stringContaining('audit@bank.example') as string,
    ]);
    expect(mail.subject).toBe('Vigil: 1 compliance finding on your resources');
    expect(mail.messageId).toBe(`<${'k'.repeat(64)}@vigil>`);
    expect(String(mail.html)).toContain('&lt;b>bold&lt;/b>');
    expect(mail.text).toContain('<b>bold</b>');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['findings.csv']);
  });

  it('a rejected message is permanent; throttling is retried', async () => {
    ses.on(SendEmailCommand).rejects(new MessageRejected({ message: 'Email address is not verified.', $metadata: { httpStatusCode: 400 } }));
    expect(await transport().send(emailDigest(digest, ['alice@bank.example']), 'k')).toMatchObject({
      ok: false,
      kind: 'permanent',
      error: expect.stringContaining('not verified') as string,
    });
    ses.reset();
    ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: 'Maximum sending rate exceeded.', $metadata: { httpStatusCode: 429 } }));
    expect(await transport().send(emailDigest(digest, ['alice@bank.example']), 'k')).toMatchObject({ ok: false, kind: 'retry' });
  });

  it('is the e-mail transport when notify.email.ses is configured; smtp and ses together are refused', () => {
    const configured = configuredTransports({ email: { from: 'vigil@example.com', ses: { region: 'eu-west-1' } } }, {});
    expect(configured.ok && Object.keys(configured.transports)).toEqual(['email']);
    expect(configuredTransports({ email: { from: 'vigil@example.com', ses: { region: 'eu-west-1' }, smtp: { host: 'localhost' } } }, {})).toEqual({
      ok: false,
      message: 'notify.email: give smtp or ses, not both',
    });
  });
});
