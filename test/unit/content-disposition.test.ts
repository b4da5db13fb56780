/** D6: the file name a download is saved under. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiFallback, attachmentDisposition } from '../../src/http/pages/shared/content-disposition.ts';

describe('D6 Content-Disposition', () => {
  it('D6 an ASCII name is sent as it is, always as an attachment', () => {
    assert.equal(attachmentDisposition('Actieplan OP-211118.pdf'), `attachment; filename="Actieplan OP-211118.pdf"`);
    assert.equal(attachmentDisposition('attest.pdf'), 'attachment; filename=attest.pdf');
  });

  it('D6 a non-ASCII name is kept exactly in filename* (RFC 8187) with an ASCII fallback', () => {
    assert.equal(attachmentDisposition('Eindverslag Müller.docx'), `attachment; filename="Eindverslag Muller.docx"; filename*=UTF-8''Eindverslag%20M%C3%BCller.docx`);
    assert.equal(attachmentDisposition('日本.pdf'), `attachment; filename=__.pdf; filename*=UTF-8''%E6%97%A5%E6%9C%AC.pdf`);
  });

  it('D6 quotes, backslashes, percent signs and header breaks cannot escape the header', () => {
    const header = attachmentDisposition('a"b\\c%d\r\ne.pdf');
    assert.equal(header, `attachment; filename=a_b_c_d__e.pdf; filename*=UTF-8''a%22b%5Cc%25d%0D%0Ae.pdf`);
    assert.doesNotMatch(header, /[\r\n]/);
    assert.equal(asciiFallback('ééé'), 'eee');
    assert.equal(asciiFallback(''), 'document');
  });
});
