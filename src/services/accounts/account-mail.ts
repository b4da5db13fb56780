/**
 * The mails with a one-time link: the invitation and the reset. Dutch, plain text and HTML, from
 * Nunjucks templates beside this file (the HTML one autoescaped); they name the account's holder
 * and address and nothing of any client.
 */
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { TokenPurpose } from '../../domain/accounts/tokens.ts';
import type { MailMessage } from '../../domain/outbox.ts';
import { BRUSSELS_DATE_TIME } from '../../domain/calendar-date.ts';

const folder = fileURLToPath(new URL('./mail/', import.meta.url));
const html = new nunjucks.Environment(new nunjucks.FileSystemLoader(folder), { autoescape: true, throwOnUndefined: true });
const text = new nunjucks.Environment(new nunjucks.FileSystemLoader(folder), { autoescape: false, throwOnUndefined: true });

const moment = BRUSSELS_DATE_TIME;

const SUBJECTS: Readonly<Record<TokenPurpose, string>> = {
  invite: 'Uitnodiging voor het Loopbaanportaal',
  reset: 'Een nieuw wachtwoord voor het Loopbaanportaal',
};

/** The path of the page the link opens; the token travels in the query (never logged). */
export const CHOOSE_PASSWORD_PATH = '/wachtwoord-kiezen';

export function chooseLink(publicUrl: string, token: string): string {
  return `${publicUrl}${CHOOSE_PASSWORD_PATH}?token=${encodeURIComponent(token)}`;
}

export function accountMail(
  purpose: TokenPurpose,
  input: Readonly<{ to: string; name: string; link: string; expiresAt: Date; organisationName: string; publicUrl: string }>,
): MailMessage {
  const [date = '', time = ''] = moment.format(input.expiresAt).split(/,?\s+/);
  const data = { ...input, expiresDate: date, expiresTime: time, loginUrl: `${input.publicUrl}/aanmelden` };
  const name = purpose === 'invite' ? 'invitation' : 'reset';
  return {
    to: input.to,
    subject: SUBJECTS[purpose],
    text: text.render(`${name}.txt.njk`, data),
    html: html.render(`${name}.html.njk`, data),
  };
}

/** The outbox topic of the warning after 10 failed logins. */
export const FAILED_LOGINS_TOPIC = 'mislukte-aanmeldingen';

/** Issue 13: the holder is told once per series of failed logins; the mail holds no link to follow blindly but the login page. */
export function failedLoginsMail(input: Readonly<{ to: string; name: string; failures: number; at: Date; publicUrl: string }>): MailMessage {
  const [date = '', time = ''] = moment.format(input.at).split(/,?\s+/);
  const data = { ...input, date, time, loginUrl: `${input.publicUrl}/aanmelden` };
  return {
    to: input.to,
    subject: 'Mislukte aanmeldpogingen op je account in het Loopbaanportaal',
    text: text.render('failed-logins.txt.njk', data),
    html: html.render('failed-logins.html.njk', data),
  };
}
