/**
 * A real SMTP server in the test process (the `smtp-server` package): the portal's mail goes out
 * over SMTP exactly as in production, and the test reads what arrived. `refuseNext(n)` makes the
 * server answer the next n messages with a temporary error, to test retries.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = Readonly<{ to: string[]; raw: string }>;

export type TestSmtpServer = Readonly<{
  url: string;
  received: ReceivedMail[];
  refuseNext(count: number): void;
  close(): Promise<void>;
}>;

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          const error = Object.assign(new Error('Tijdelijk niet beschikbaar'), { responseCode: 451 });
          callback(error);
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${String(port)}`,
    received,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** A received message's body with quoted-printable undone (soft line breaks and `=XX` escapes). */
export function decodedBody(mail: ReceivedMail): string {
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\r\n/g, '\n');
}

/** The "Wachtwoord kiezen" links in a received message, as path and query (host stripped). */
export function chooseLinksIn(mail: ReceivedMail): string[] {
  const links = [...decodedBody(mail).matchAll(/https?:\/\/[^\s"<>]+(\/wachtwoord-kiezen\?token=[A-Za-z0-9_-]{43})/g)].map((m) => m[1] ?? '');
  return [...new Set(links)];
}
