/**
 * Delivers e-mails with nodemailer over SMTP. The Message-ID is derived from the outbox key, so a
 * resend of the same message is recognisably the same. SMTP cannot say whether a message in doubt
 * arrived: it stays in doubt for a human (`vigil outbox list`). A 5xx answer is permanent.
 */
import nodemailer from 'nodemailer';
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

export function emailTransport(options: SmtpOptions): Transport {
  const transporter = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure,
    ...(options.user !== undefined && { auth: { user: options.user, pass: options.password ?? '' } }),
    ...(options.allowUnverifiedTls === true && { tls: { rejectUnauthorized: false } }),
  });
  return {
    channel: 'email',
    async send(raw, key): Promise<SendOutcome> {
      const message = raw as EmailMessage;
      try {
        await transporter.sendMail({
          from: options.from,
          to: [...message.to],
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: `<${key}@vigil>`,
          attachments: message.attachments.map((attachment) => ({ ...attachment })),
        });
        return { ok: true };
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600) return { ok: false, kind: 'permanent', error: errorMessage(error) };
        return { ok: false, kind: 'retry', error: errorMessage(error) };
      }
    },
  };
}
