import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { lastEmail, parseLoginForm } from '../../src/http/pages/login/login-form.ts';

describe('login form', () => {
  it('login form with empty fields gives a Dutch message at each field', () => {
    assert.deepEqual(parseLoginForm({ email: '', password: '' }), {
      ok: false,
      errors: [
        { field: 'email', message: 'Vul je e-mailadres in' },
        { field: 'password', message: 'Vul je wachtwoord in' },
      ],
    });
  });

  it('login form with a missing or non-object body is treated as empty', () => {
    const expected = {
      ok: false,
      errors: [
        { field: 'email', message: messages.login.emailRequired },
        { field: 'password', message: messages.login.passwordRequired },
      ],
    };
    assert.deepEqual(parseLoginForm(undefined), expected);
    assert.deepEqual(parseLoginForm(null), expected);
    assert.deepEqual(parseLoginForm('email=x'), expected);
    assert.deepEqual(parseLoginForm({ email: ['a@b.be'], password: 42 }), expected);
  });

  it('login form with an e-mail address of only spaces asks for the address', () => {
    const result = parseLoginForm({ email: '   ', password: 'geheim' });
    assert.deepEqual(result, { ok: false, errors: [{ field: 'email', message: messages.login.emailRequired }] });
  });

  it('login form with a malformed e-mail address gives the format message', () => {
    for (const email of ['jan', 'jan@', 'jan@voorbeeld', 'jan @voorbeeld.be', `${'a'.repeat(250)}@x.be`]) {
      const result = parseLoginForm({ email, password: 'geheim' });
      assert.deepEqual(
        result,
        { ok: false, errors: [{ field: 'email', message: 'Vul een e-mailadres in zoals naam@voorbeeld.be' }] },
        email,
      );
    }
  });

  it('login form with only the password missing reports only the password', () => {
    const result = parseLoginForm({ email: 'jan@voorbeeld.be', password: '' });
    assert.deepEqual(result, { ok: false, errors: [{ field: 'password', message: messages.login.passwordRequired }] });
  });

  it('login form with valid input gives the trimmed address and the password as typed', () => {
    const result = parseLoginForm({ email: '  jan.peeters@vdab.be ', password: ' Geheim 123 ' });
    assert.deepEqual(result, { ok: true, value: { email: 'jan.peeters@vdab.be', password: ' Geheim 123 ' } });
  });

  it('login form lastEmail gives back the typed address, never the password', () => {
    assert.equal(lastEmail({ email: ' jan@vdab.be ', password: 'geheim' }), 'jan@vdab.be');
    assert.equal(lastEmail(undefined), '');
  });
});
