/**
 * Notices as files instead of deliveries (`vigil demo`): each Slack digest as the Block Kit JSON
 * it would post, each e-mail as the .eml file it would send (composed by nodemailer exactly as the
 * transports compose it). Nothing is sent.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { EmailMessage } from './email-digest.js';
import { mailOptions } from './email-transport.js';
import { noticeKey } from './enqueue-notice.js';
import type { PlannedNotice } from './plan-digests.js';

/** A recipient as part of a file name: `#payments` → `payments`, `alice@bank.example` → `alice-at-bank.example`. */
function slug(recipient: string): string {
  return (
    recipient
      .replace(/^#/, '')
      .replace('@', '-at-')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'recipient'
  );
}

export async function writeNoticeFiles(dir: string, notices: readonly PlannedNotice[], options: { readonly from: string }): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const files: string[] = [];
  for (const { notice } of notices) {
    const base = join(dir, `${notice.channel}-${slug(notice.recipient)}`);
    if (notice.channel === 'email') {
      const sent = await composer.sendMail(mailOptions(options.from, notice.payload as EmailMessage, noticeKey(notice)));
      files.push(`${base}.eml`);
      await writeFile(`${base}.eml`, sent.message as Buffer);
    } else {
      files.push(`${base}.json`);
      await writeFile(`${base}.json`, `${JSON.stringify(notice.payload, null, 2)}\n`);
    }
  }
  return files;
}
