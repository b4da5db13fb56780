import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { messages } from '../../src/http/messages/index.ts';
import { parseSearchForm } from '../../src/http/pages/search/search-form.ts';

describe('search form', () => {
  it('search form with an empty query asks for an INSZ or a name', () => {
    const expected = { ok: false, errors: [{ field: 'zoekterm', message: 'Vul een INSZ-nummer of een naam in' }] };
    assert.deepEqual(parseSearchForm({ zoekterm: '' }), expected);
    assert.deepEqual(parseSearchForm({ zoekterm: '   ' }), expected);
    assert.deepEqual(parseSearchForm({}), expected);
    assert.deepEqual(parseSearchForm(undefined), expected);
  });

  it('search form A2 digits with a valid check are an INSZ search, separators removed', () => {
    // 850730033 mod 97 = 69 → check 28 (see insz.test.ts)
    assert.deepEqual(parseSearchForm({ zoekterm: '85073003328' }), { ok: true, value: { kind: 'insz', value: '85073003328' } });
    assert.deepEqual(parseSearchForm({ zoekterm: ' 85.07.30-033.28 ' }), { ok: true, value: { kind: 'insz', value: '85073003328' } });
    // 2010211061 mod 97 = 36 → check 61: born 2001
    assert.deepEqual(parseSearchForm({ zoekterm: '01021106161' }), { ok: true, value: { kind: 'insz', value: '01021106161' } });
  });

  it('search form A2 digits with a wrong check or length are refused, not searched as a name', () => {
    const expected = {
      ok: false,
      errors: [{ field: 'zoekterm', message: 'Vul een geldig INSZ-nummer in: 11 cijfers, zoals 85.07.30-033.28' }],
    };
    assert.deepEqual(parseSearchForm({ zoekterm: '85073003327' }), expected);
    assert.deepEqual(parseSearchForm({ zoekterm: '8507300332' }), expected);
    assert.deepEqual(parseSearchForm({ zoekterm: '850730033280' }), expected);
    assert.deepEqual(parseSearchForm({ zoekterm: '12' }), expected);
  });

  it('search form a name of 1 letter is refused', () => {
    const expected = { ok: false, errors: [{ field: 'zoekterm', message: messages.search.queryTooShort }] };
    assert.equal(messages.search.queryTooShort, 'Vul minstens 2 letters van de naam in');
    assert.deepEqual(parseSearchForm({ zoekterm: 'P' }), expected);
    assert.deepEqual(parseSearchForm({ zoekterm: ' é ' }), expected);
  });

  it('search form a name of 2 letters or more is a name search, trimmed', () => {
    assert.deepEqual(parseSearchForm({ zoekterm: 'Li' }), { ok: true, value: { kind: 'naam', value: 'Li' } });
    assert.deepEqual(parseSearchForm({ zoekterm: '  Van den Broeck ' }), { ok: true, value: { kind: 'naam', value: 'Van den Broeck' } });
  });

  it('search form a very long name is cut to 100 characters', () => {
    const result = parseSearchForm({ zoekterm: 'x'.repeat(150) });
    assert.deepEqual(result, { ok: true, value: { kind: 'naam', value: 'x'.repeat(100) } });
  });
});
