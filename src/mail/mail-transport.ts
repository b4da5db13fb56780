/**
 * How an e-mail leaves the portal: over SMTP (`SMTP_URL`), or, without it (the embedded
 * default), as an `.eml` file in `DATA_DIR/mail` that a newcomer can open. Both through
 * nodemailer, so that the file is exactly the message SMTP would have carried.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailMessage } from '../domain/outbox.ts';

export type MailTransport = Readonly<{
  /** Sends the message; throws when the server refuses it or cannot be reached. */
  send(message: MailMessage): Promise<void>;
  describe(): string;
}>;

export function createSmtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
    describe: () => `SMTP (${new URL(smtpUrl).host})`,
  };
}

/** Writes each message as `<time>-<n>.eml` into the folder. */
export function createFileTransport(folder: string, from: string): MailTransport {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let counter = 0;
  return {
    async send(message) {
      const info = await builder.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
      await mkdir(folder, { recursive: true });
      counter += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(process.pid)}-${String(counter)}.eml`;
      await writeFile(path.join(folder, name), info.message as Buffer);
    },
    describe: () => `bestanden in ${folder}`,
  };
}

/** Keeps the messages in memory: for tests that only need to see what was sent. */
export function createMemoryTransport(): MailTransport & { readonly sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
    describe: () => 'geheugen',
  };
}
