/**
 * K2: the occupation catalogue. The data file holds the 436 ISCO-08 unit groups with Dutch
 * titles; the search finds occupations by name (every word, case and accents ignored) or code,
 * the best matches first; a beheerder's new entry is checked and numbered within its group.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { addedOccupationCode, checkNewOccupation, searchKey, searchOccupations, type Occupation } from '../../src/domain/dossier/occupations.ts';

const iscoRows = readFileSync(new URL('../../src/db/catalogue/isco-08-nl.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .slice(1)
  .map((line) => line.split('\t'));

const catalogue: Occupation[] = iscoRows.map(([code = '', title = '']) => ({ code, iscoGroup: code, title, source: 'isco-08' }));

const titles = (found: readonly Occupation[]) => found.map((o) => o.title);

describe('occupation catalogue', () => {
  it('K2 the data file holds the 436 ISCO-08 unit groups, four-digit codes, each once, with a title', () => {
    assert.equal(catalogue.length, 436);
    assert.ok(catalogue.every((o) => /^\d{4}$/.test(o.code) && o.title.trim() !== ''));
    assert.equal(new Set(catalogue.map((o) => o.code)).size, 436);
    assert.equal(catalogue.find((o) => o.code === '2512')?.title, 'Softwareontwikkelaars');
    assert.equal(catalogue.find((o) => o.code === '5131')?.title, 'Kelners');
  });

  it('K2 the search ignores case and accents: "zoologen" finds "Zoölogen", "CONCIERGES" finds "Conciërges"', () => {
    assert.equal(searchKey('  Biologen,  Zoölogen '), 'biologen, zoologen');
    assert.deepEqual(titles(searchOccupations(catalogue, 'zoologen', 10)), ['Biologen, botanici, zoölogen e.d.']);
    assert.ok(titles(searchOccupations(catalogue, 'CONCIERGES', 10)).includes('Conciërges'));
  });

  it('K2 every word of the query must occur, in any order', () => {
    const found = titles(searchOccupations(catalogue, 'ingenieurs chemisch', 10));
    assert.deepEqual(found, ['Chemisch ingenieurs']);
    assert.deepEqual(searchOccupations(catalogue, 'kelner astronaut', 10), []);
  });

  it('K2 titles that start with the query come first, then titles with a word that starts with it, then the rest', () => {
    const found = titles(searchOccupations(catalogue, 'verkopers', 50));
    const at = (title: string) => {
      assert.ok(found.includes(title), title);
      return found.indexOf(title);
    };
    assert.ok(at('Verkopers in kramen en op markten') < at('Technisch verkopers en artsenbezoekers (m.u.v. ICT)'), 'starts with the query, before a later word');
    assert.ok(at('Technisch verkopers en artsenbezoekers (m.u.v. ICT)') < at('Televerkopers'), 'a word starting with it, before inside a word');
    const boekhoud = titles(searchOccupations(catalogue, 'boekhoud', 10));
    assert.deepEqual(boekhoud.slice(0, 2), ['Boekhoudkundige medewerkers', 'Vakspecialisten boekhouding']);
  });

  it('K2 a query of digits finds occupations by code prefix', () => {
    assert.deepEqual(searchOccupations(catalogue, '2512', 10).map((o) => o.code), ['2512']);
    assert.deepEqual(searchOccupations(catalogue, '251', 10).map((o) => o.code).sort(), ['2511', '2512', '2513', '2514', '2519']);
  });

  it('K2 the search gives at most the limit, and nothing for an empty query', () => {
    assert.equal(searchOccupations(catalogue, 'e', 7).length, 7);
    assert.deepEqual(searchOccupations(catalogue, '   ', 10), []);
  });

  it('K2 a beheerder adds a title not yet in the catalogue under an existing unit group', () => {
    assert.deepEqual(checkNewOccupation({ title: 'Webmaster', iscoGroup: '2513' }, catalogue), []);
    assert.deepEqual(checkNewOccupation({ title: 'kélners', iscoGroup: '5131' }, catalogue), [{ field: 'titel', code: 'bestaat-al' }]);
    assert.deepEqual(checkNewOccupation({ title: '', iscoGroup: '' }, catalogue), [
      { field: 'titel', code: 'verplicht' },
      { field: 'isco-code', code: 'verplicht' },
    ]);
    assert.deepEqual(checkNewOccupation({ title: 'Webmaster', iscoGroup: '9999' }, catalogue), [{ field: 'isco-code', code: 'onbekende-isco-code' }]);
    assert.deepEqual(checkNewOccupation({ title: 'Webmaster', iscoGroup: '25' }, catalogue), [{ field: 'isco-code', code: 'onbekende-isco-code' }]);
  });

  it('K2 added entries are numbered within their unit group: 2513-1, 2513-2, …', () => {
    assert.equal(addedOccupationCode('2513', ['2512', '2513']), '2513-1');
    assert.equal(addedOccupationCode('2513', ['2513', '2513-1', '2513-3', '2514-7']), '2513-4');
  });
});
