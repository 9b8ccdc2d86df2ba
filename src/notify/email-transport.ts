/**
 * Delivers e-mails with nodemailer, over SMTP or through Amazon SES v2 (nodemailer's SES transport
 * with @aws-sdk/client-sesv2, credentials from the default chain). The Message-ID is derived from
 * the outbox key, so a resend of the same message is recognisably the same. Neither can say
 * whether a message in doubt arrived: it stays in doubt for a human (`vigil outbox list`). What
 * will never be accepted as addressed (SMTP 5xx, SES MessageRejected, an unverified sender) is
 * permanent; everything else is retried.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { errorMessage } from '../error-message.js';
import type { EmailMessage } from './email-digest.js';
import type { SendOutcome, Transport } from './transport.js';

export interface SmtpOptions {
  readonly from: string;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** Accept a server certificate nobody vouches for (tests against a local server only). */
  readonly allowUnverifiedTls?: boolean;
}

export interface SesOptions {
  readonly from: string;
  readonly region: string;
}

/** SES v2 errors after which the same message will never be accepted. */
const SES_PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'BadRequestException', 'NotFoundException']);

function smtpPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function sesPermanent(error: unknown): boolean {
  return SES_PERMANENT.has((error as { name?: unknown }).name as string);
}

/** The message as nodemailer takes it, whatever carries it (SMTP, SES, an .eml file). */
export function mailOptions(from: string, message: EmailMessage, key: string): SendMailOptions {
  return {
    from,
    to: [...message.to],
    ...(message.cc !== undefined && message.cc.length > 0 && { cc: [...message.cc] }),
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: `<${key}@vigil>`,
    attachments: message.attachments.map((attachment) => ({ ...attachment })),
  };
}

function mailTransport(from: string, transporter: Transporter, permanent: (error: unknown) => boolean): Transport {
  return {
    channel: 'email',
    async send(raw, key): Promise<SendOutcome> {
      try {
        await transporter.sendMail(mailOptions(from, raw as EmailMessage, key));
        return { ok: true };
      } catch (error) {
        return { ok: false, kind: permanent(error) ? 'permanent' : 'retry', error: errorMessage(error) };
      }
    },
  };
}

export function emailTransport(options: SmtpOptions): Transport {
  const transporter = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    ...(options.user !== undefined && { auth: { user: options.user, pass: options.password ?? '' } }),
    ...(options.allowUnverifiedTls === true && { tls: { rejectUnauthorized: false } }),
  });
  return mailTransport(options.from, transporter, smtpPermanent);
}

export function sesEmailTransport(options: SesOptions, client: SESv2Client = new SESv2Client({ region: options.region })): Transport {
  const transporter = nodemailer.createTransport({ SES: { sesClient: client, SendEmailCommand } });
  return mailTransport(options.from, transporter, sesPermanent);
}
