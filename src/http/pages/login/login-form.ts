import { messages } from '../../messages/index.ts';
import { asRawForm, textField, type FieldError, type FormResult } from '../form.ts';

export type LoginInput = Readonly<{ email: string; password: string }>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseLoginForm(body: unknown): FormResult<LoginInput> {
  const form = asRawForm(body);
  const email = textField(form, 'email');
  const password = typeof form['password'] === 'string' ? form['password'] : '';
  const errors: FieldError[] = [];
  if (email === '') errors.push({ field: 'email', message: messages.login.emailRequired });
  else if (!EMAIL.test(email) || email.length > 254) errors.push({ field: 'email', message: messages.login.emailFormat });
  if (password === '') errors.push({ field: 'password', message: messages.login.passwordRequired });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { email, password } };
}

/** The typed e-mail address, to show again; the password is never sent back. */
export function lastEmail(body: unknown): string {
  return textField(asRawForm(body), 'email');
}
