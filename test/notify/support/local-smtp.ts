/** A real SMTP server (smtp-server) on a local port: every message that arrives, parsed (mailparser), with its envelope. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface LocalSmtp {
  readonly port: number;
  readonly received: ParsedMail[];
  /** The envelope recipients of each message, in order. */
  readonly envelopes: string[][];
  /** While true, every recipient is refused with 550. */
  rejectRecipients: boolean;
  close(): Promise<void>;
}

export async function startLocalSmtp(): Promise<LocalSmtp> {
  let closed = false;
  const smtp = {
    port: 0,
    received: [] as ParsedMail[],
    envelopes: [] as string[][],
    rejectRecipients: false,
    close: async () => {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (smtp.rejectRecipients) callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          smtp.received.push(mail);
          smtp.envelopes.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(smtp, { port: (server.server.address() as AddressInfo).port });
}
