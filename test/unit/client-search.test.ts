/**
 * Issue 15 defect 3: the normal form of names and the matching rule of the client search
 * (domain/client-search.ts). The database runs the same rule in SQL; the integration test
 * (search.test.ts) checks the two agree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NAME_MATCH_RANK, nameQuery, nameSearchKeys, normaliseName, rankName, type NameQuery } from '../../src/domain/client-search.ts';

const query = (text: string): NameQuery => {
  const q = nameQuery(text);
  assert.ok(q, text);
  return q;
};
const rank = (firstName: string, familyName: string, text: string): number | undefined => rankName(nameSearchKeys({ firstName, familyName }), query(text));

describe('issue 15 defect 3: name normal form', () => {
  it('issue 15 defect 3: lower case, accents removed, every non-letter a single space', () => {
    const cases: [string, string][] = [
      ['Van den Broeck', 'van den broeck'],
      ['Çelik', 'celik'],
      ['MÜLLER', 'muller'],
      ['Noël', 'noel'],
      ['El Amrani', 'el amrani'],
      ['Dupont-Lefèvre', 'dupont lefevre'],
      ["D'Hondt", 'd hondt'],
      ['  Vande   Velde ', 'vande velde'],
      ['Straße', 'strasse'],
      ['Łukasz Øster', 'lukasz oster'],
      ['Zoë  –  Ann', 'zoe ann'],
      ['Ａｎｎ', 'ann'],
    ];
    for (const [input, expected] of cases) assert.equal(normaliseName(input), expected, input);
  });

  it('issue 15 defect 3: a query is its words and the words joined; nothing searchable is undefined', () => {
    assert.deepEqual(nameQuery(' Fatima  El-Amrani '), { words: ['fatima', 'el', 'amrani'], joined: 'fatimaelamrani' });
    assert.equal(nameQuery(" - ' . "), undefined);
    assert.equal(nameQuery(''), undefined);
  });
});

describe('issue 15 defect 3: which names match, and how well', () => {
  it('issue 15 defect 3: "El Amrani", "Amrani", "Fatima El Amrani" and "el-amrani" all find Fatima El Amrani', () => {
    for (const text of ['El Amrani', 'Amrani', 'amr', 'Fatima El Amrani', 'El Amrani Fatima', 'el-amrani', 'Elamrani', 'fatima amrani', 'Fatima']) {
      assert.notEqual(rank('Fatima', 'El Amrani', text), undefined, text);
    }
  });

  it('issue 15 defect 3: particles, accents and hyphens: every part finds the name, in any case', () => {
    const found: [string, string, string[]][] = [
      ['Jan', 'Van den Broeck', ['Van den Broeck', 'broeck', 'den broeck', 'vandenbroeck', 'VAN DEN', 'Jan Broeck']],
      ['Els', 'De Smet', ['De Smet', 'smet', 'desmet', 'els de smet']],
      ['Jan', 'Van de Velde', ['Vande Velde', 'Vandevelde', 'Van de Velde', 'velde', 'Jan Vandevelde']],
      ['Jan', 'Vande Velde', ['Van de Velde', 'Vandevelde', 'vande velde', 'velde']],
      ['Ayşe', 'Çelik', ['Celik', 'çelik', 'CELIK', 'ayse celik']],
      ['Jürgen', 'Müller', ['Muller', 'müller', 'Jurgen']],
      ['Noël', 'Noël', ['Noel', 'noël noel']],
      ['Marie', 'Dupont-Lefèvre', ['Lefevre', 'Dupont', 'dupont lefèvre', 'Dupont-Lefèvre']],
    ];
    for (const [firstName, familyName, texts] of found) {
      for (const text of texts) assert.notEqual(rank(firstName, familyName, text), undefined, `${text} → ${firstName} ${familyName}`);
    }
  });

  it('issue 15 defect 3: a part inside a word, or a word the name lacks, finds nothing', () => {
    assert.equal(rank('Cas', 'Overmeer', 'meer'), undefined);
    assert.equal(rank('Fatima', 'El Amrani', 'Amrani Jan'), undefined);
    assert.equal(rank('Fatima', 'El Amrani', 'mrani'), undefined);
    assert.equal(rank('Jan', 'Van den Broeck', 'Vandebroeck'), undefined);
  });

  it('issue 15 defect 3: best first: exact full name, exact family name, whole words, word prefixes, the rest', () => {
    assert.equal(rank('Fatima', 'El Amrani', 'Fatima El Amrani'), NAME_MATCH_RANK.exactFullName);
    assert.equal(rank('Fatima', 'El Amrani', 'el amrani fatima'), NAME_MATCH_RANK.exactFullName);
    assert.equal(rank('Fatima', 'El Amrani', 'El Amrani'), NAME_MATCH_RANK.exactFamilyName);
    assert.equal(rank('Fatima', 'El Amrani', 'Amrani'), NAME_MATCH_RANK.wholeWords);
    assert.equal(rank('Fatima', 'El Amrani', 'Amr'), NAME_MATCH_RANK.wordPrefixes);
    assert.equal(rank('Jan', 'Van de Velde', 'Vandevelde'), NAME_MATCH_RANK.exactFamilyName);
    assert.equal(rank('Jan', 'Van de Velde', 'Vandeve'), NAME_MATCH_RANK.joined);
    assert.deepEqual(Object.values(NAME_MATCH_RANK), [0, 1, 2, 3, 4], 'the ranks in this order, best first');
  });
});
