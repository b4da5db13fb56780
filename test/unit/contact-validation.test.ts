/**
 * K2: contact data of a client: Belgian postcodes (4 digits, 1000–9999), Belgian phone numbers
 * (+32 or 0, then 8 or 9 digits, with spaces, dots or slashes), e-mail addresses, a complete
 * address, and what the Klantenportret calls missing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkContact, compactPhone, isBelgianPhone, isBelgianPostcode, isEmailAddress, missingContact, type ContactData } from '../../src/domain/dossier/contact.ts';

const complete: ContactData = { phone: '0470 12 34 56', email: 'an@voorbeeld.be', street: 'Kerkstraat 12', postcode: '2800', city: 'Mechelen' };

describe('contact data', () => {
  it('K2 a Belgian postcode has four digits from 1000 to 9999', () => {
    for (const ok of ['1000', '2800', '9999', ' 3500 ']) assert.ok(isBelgianPostcode(ok), ok);
    for (const wrong of ['0999', '999', '10000', '28OO', '2800a', 'B-2800', '', '28 00']) assert.ok(!isBelgianPostcode(wrong), wrong);
  });

  it('K2 a Belgian phone number starts with 0 or +32 and has 8 (fixed) or 9 (mobile) digits after it', () => {
    const ok = ['015212223', '015 21 22 23', '015/21.22.23', '0470123456', '0470 12 34 56', '0470/12.34.56', '+32 470 12 34 56', '+3215212223', '02 123 45 67'];
    for (const number of ok) assert.ok(isBelgianPhone(number), number);
    const wrong = ['12345678', '04701234567', '+31 20 123 4567', '+32 4701234567', '0032 470 12 34 56', '0470-12-34-56', '0470  12 34 56', '0470 12 34 5a', '+', ''];
    for (const number of wrong) assert.ok(!isBelgianPhone(number), number);
    assert.equal(compactPhone(' +32 470/12.34.56 '), '+32470123456');
  });

  it('K2 an e-mail address is something@domain.tld without spaces', () => {
    for (const ok of ['an@voorbeeld.be', 'an.peeters+cv@mail.voorbeeld.be']) assert.ok(isEmailAddress(ok), ok);
    for (const wrong of ['an', 'an@', '@voorbeeld.be', 'an@voorbeeld', 'an peeters@voorbeeld.be']) assert.ok(!isEmailAddress(wrong), wrong);
  });

  it('K2 complete contact data pass; empty data pass too (the portrait warns instead)', () => {
    assert.deepEqual(checkContact(complete), []);
    assert.deepEqual(checkContact({ phone: null, email: null, street: null, postcode: null, city: null }), []);
  });

  it('K2 each field with a wrong format has its own problem', () => {
    assert.deepEqual(checkContact({ ...complete, phone: '1234', email: 'geen', postcode: '999' }), [
      { field: 'telefoon', code: 'telefoon' },
      { field: 'e-mail', code: 'e-mail' },
      { field: 'postcode', code: 'postcode' },
    ]);
  });

  it('K2 an address is filled in whole: street, postcode and city', () => {
    assert.deepEqual(checkContact({ ...complete, postcode: null, city: null }), [
      { field: 'postcode', code: 'verplicht' },
      { field: 'gemeente', code: 'verplicht' },
    ]);
    assert.deepEqual(checkContact({ ...complete, street: null }), [{ field: 'straat', code: 'verplicht' }]);
    assert.deepEqual(checkContact({ ...complete, street: 'x'.repeat(201) }), [{ field: 'straat', code: 'te-lang', params: { max: '200' } }]);
  });

  it('K1 the portrait calls phone, e-mail or an incomplete address missing', () => {
    assert.deepEqual(missingContact(complete), []);
    assert.deepEqual(missingContact({ ...complete, phone: null, city: null }), ['telefoon', 'adres']);
    assert.deepEqual(missingContact({ phone: null, email: null, street: null, postcode: null, city: null }), ['telefoon', 'e-mail', 'adres']);
  });
});
