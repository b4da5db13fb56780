/** D3: what an uploaded document must be — its content, its name, its declared type, its zip. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ATTEST_SCAN_UPLOADS, createContentCheck, DOCUMENT_UPLOADS } from '../../src/domain/documents/content-check.ts';
import { checkPublicationName } from '../../src/domain/documents/document.ts';
import { sanitiseFileName } from '../../src/domain/documents/file-name.ts';
import { detectSignature, extensionOf, formatList } from '../../src/domain/documents/file-formats.ts';
import { findDirectory, inspectZip, type ReadAt } from '../../src/domain/documents/zip-container.ts';
import { crowdedDocx, DOC, DOCX, EXE, HTML, JPG, MEDIA_TYPES, ODT, PDF, PLAIN_ZIP, PNG, zip, zipBombDocx } from '../support/documents.ts';

const readerOf = (bytes: Buffer): ReadAt => (position, length) => Promise.resolve(bytes.subarray(position, position + length));

/** Runs the check as the blob store does: the first bytes, then the whole file. */
async function check(bytes: Buffer, fileName: string, declaredType: string, policy = DOCUMENT_UPLOADS): Promise<string> {
  const c = createContentCheck(policy, fileName, declaredType);
  const early = c.start(bytes.subarray(0, c.headBytes));
  if (early !== undefined) return early;
  return (await c.complete(readerOf(bytes), bytes.length)) ?? c.format() ?? 'geen formaat';
}

describe('D3 type detection by magic bytes', () => {
  it('D3 recognises PDF, PNG, JPEG, OLE2 (DOC) and zip (DOCX/ODT) by their first bytes, nothing else', () => {
    assert.equal(detectSignature(PDF), 'pdf');
    assert.equal(detectSignature(PNG), 'png');
    assert.equal(detectSignature(JPG), 'jpg');
    assert.equal(detectSignature(DOC), 'ole2');
    assert.equal(detectSignature(DOCX), 'zip');
    assert.equal(detectSignature(EXE), undefined);
    assert.equal(detectSignature(HTML), undefined);
    assert.equal(detectSignature(Buffer.from('%PD')), undefined);
    assert.equal(detectSignature(Buffer.alloc(0)), undefined);
  });

  it('D3 accepts each format when name and declared type agree with the content', async () => {
    assert.equal(await check(PDF, 'plan.pdf', MEDIA_TYPES.pdf), 'pdf');
    assert.equal(await check(DOCX, 'plan.docx', MEDIA_TYPES.docx), 'docx');
    assert.equal(await check(DOC, 'plan.DOC', MEDIA_TYPES.doc), 'doc');
    assert.equal(await check(ODT, 'plan.odt', MEDIA_TYPES.odt), 'odt');
    assert.equal(await check(JPG, 'scan.jpeg', 'image/jpeg'), 'jpg');
    assert.equal(await check(PNG, 'scan.png', 'image/png; charset=binary'), 'png');
  });

  it('D3 a type that declares nothing (application/octet-stream, none) leaves the decision to content and extension', async () => {
    assert.equal(await check(DOCX, 'plan.docx', 'application/octet-stream'), 'docx');
    assert.equal(await check(PDF, 'plan.pdf', ''), 'pdf');
    assert.equal(await check(PDF, 'plan.docx', 'application/octet-stream'), 'komt-niet-overeen');
  });

  it('D3 refuses what is not an accepted format, whatever its name says', async () => {
    assert.equal(await check(EXE, 'plan.pdf', MEDIA_TYPES.pdf), 'type-niet-toegelaten');
    assert.equal(await check(HTML, 'plan.pdf', MEDIA_TYPES.pdf), 'type-niet-toegelaten');
    assert.equal(await check(PLAIN_ZIP, 'plan.docx', MEDIA_TYPES.docx), 'type-niet-toegelaten');
    assert.equal(await check(Buffer.alloc(0), 'plan.pdf', MEDIA_TYPES.pdf), 'leeg');
  });

  it('D3 refuses content whose name or declared type says otherwise', async () => {
    assert.equal(await check(PNG, 'plan.pdf', MEDIA_TYPES.pdf), 'komt-niet-overeen');
    assert.equal(await check(PNG, 'plan.png', MEDIA_TYPES.pdf), 'komt-niet-overeen');
    assert.equal(await check(PDF, 'plan', MEDIA_TYPES.pdf), 'komt-niet-overeen');
    assert.equal(await check(ODT, 'plan.docx', MEDIA_TYPES.docx), 'komt-niet-overeen');
    assert.equal(await check(DOCX, 'plan.odt', MEDIA_TYPES.odt), 'komt-niet-overeen');
    assert.equal(await check(DOCX, 'plan.pdf', MEDIA_TYPES.pdf), 'komt-niet-overeen');
  });

  it('A2 the attest scan takes PDF, JPG and PNG only, with the same check', async () => {
    assert.equal(await check(PDF, 'attest.pdf', MEDIA_TYPES.pdf, ATTEST_SCAN_UPLOADS), 'pdf');
    assert.equal(await check(DOCX, 'attest.docx', MEDIA_TYPES.docx, ATTEST_SCAN_UPLOADS), 'type-niet-toegelaten');
    assert.equal(formatList(ATTEST_SCAN_UPLOADS.formats), 'PDF, JPG of PNG');
  });
});

describe('D3 zip checks from the central directory', () => {
  it('D3 a DOCX that unpacks to more than 100 MB is a zip bomb, refused', async () => {
    const bomb = zipBombDocx();
    assert.ok(bomb.length < 1024 * 1024, `a few kB packed, got ${bomb.length}`);
    assert.equal(await check(bomb, 'plan.docx', MEDIA_TYPES.docx), 'zip-te-groot');
  });

  it('D3 a DOCX of more than 1,000 entries is refused; 1,000 are fine', async () => {
    assert.equal(await check(crowdedDocx(), 'plan.docx', MEDIA_TYPES.docx), 'zip-te-veel-onderdelen');
    const base = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ];
    const thousand = zip([...base, ...Array.from({ length: 998 }, (_, i) => ({ name: `word/p${i}.xml`, data: Buffer.from('x'), store: true }))]);
    const inspected = await inspectZip(readerOf(thousand), thousand.length);
    assert.ok(inspected.ok);
    assert.equal(inspected.entries.length, 1000);
  });

  it('D3 the unpacked size is the sum of the sizes in the central directory', async () => {
    const inspected = await inspectZip(readerOf(DOCX), DOCX.length);
    assert.ok(inspected.ok);
    assert.equal(inspected.entries.length, 3);
    assert.equal(inspected.unpackedBytes, inspected.entries.reduce((sum, e) => sum + e.uncompressedSize, 0));
  });

  it('D3 a damaged or ZIP64 directory is refused', async () => {
    const cut = DOCX.subarray(0, DOCX.length - 10);
    assert.equal(await check(Buffer.from(cut), 'plan.docx', MEDIA_TYPES.docx), 'zip-ongeldig');
    const zip64 = Buffer.from(DOCX);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    zip64.writeUInt16LE(0xffff, zip64.length - 14);
    assert.equal(await check(zip64, 'plan.docx', MEDIA_TYPES.docx), 'zip-ongeldig');
    const lying = Buffer.from(DOCX);
    lying.writeUInt16LE(2, lying.length - 12);
    lying.writeUInt16LE(2, lying.length - 14);
    assert.equal(await check(lying, 'plan.docx', MEDIA_TYPES.docx), 'zip-ongeldig', 'fewer entries announced than the directory holds');
  });

  it('D3 the end of the directory is found behind a comment', () => {
    const comment = Buffer.from('een commentaar');
    const withComment = Buffer.concat([DOCX, comment]);
    withComment.writeUInt16LE(comment.length, DOCX.length - 2);
    const found = findDirectory(withComment, 0);
    assert.notEqual(found, 'zip-ongeldig');
  });

  it('D3 an ODT needs its stored mimetype entry with the text type', async () => {
    const spreadsheet = zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    assert.equal(await check(spreadsheet, 'plan.odt', MEDIA_TYPES.odt), 'type-niet-toegelaten');
    const compressed = zip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    assert.equal(await check(compressed, 'plan.odt', MEDIA_TYPES.odt), 'type-niet-toegelaten');
  });
});

describe('D3 D6 file names', () => {
  it('D3 strips path parts as older browsers send them and keeps non-ASCII letters', () => {
    assert.deepEqual(sanitiseFileName('C:\\fakepath\\Actieplan Dupont.pdf'), { ok: true, name: 'Actieplan Dupont.pdf' });
    assert.deepEqual(sanitiseFileName('map/plan.pdf'), { ok: true, name: 'plan.pdf' });
    assert.deepEqual(sanitiseFileName('Eindverslag Müller – ş 日本.docx'), { ok: true, name: 'Eindverslag Müller – ş 日本.docx' });
    assert.deepEqual(sanitiseFileName('  plan   v2.pdf  '), { ok: true, name: 'plan v2.pdf' });
    assert.deepEqual(sanitiseFileName('Cafe\u0301.pdf'), { ok: true, name: 'Café.pdf' }, 'NFC');
  });

  it('D3 refuses names that climb out of their folder or hold control characters; drops invisible direction marks', () => {
    for (const bad of ['../../x.pdf', '..\\..\\x.pdf', 'a/../x.pdf', 'x\u0000.pdf', 'x\u0007.pdf', 'x\u001b[31m.pdf', 'x\u009b.pdf', '', '..', '/', 'a/']) {
      assert.deepEqual(sanitiseFileName(bad), { ok: false }, JSON.stringify(bad));
    }
    assert.deepEqual(sanitiseFileName('factuur\u202Efdp.exe'), { ok: true, name: 'factuurfdp.exe' });
  });

  it('D3 a very long name is shortened to 255 characters, keeping its extension', () => {
    const result = sanitiseFileName(`${'é'.repeat(300)}.pdf`);
    assert.ok(result.ok);
    assert.equal(Array.from(result.name).length, 255);
    assert.equal(extensionOf(result.name), 'pdf');
  });
});

describe('D2 D1 form values', () => {
  it('D2 Publicatienaam is required and has at most 200 characters (counted as a person counts them)', () => {
    assert.deepEqual(checkPublicationName(''), [{ field: 'publicatienaam', code: 'verplicht' }]);
    assert.deepEqual(checkPublicationName('é'.repeat(200)), []);
    assert.deepEqual(checkPublicationName('😀'.repeat(200)), []);
    assert.deepEqual(checkPublicationName('a'.repeat(201)), [{ field: 'publicatienaam', code: 'te-lang', params: { max: '200' } }]);
  });

});
