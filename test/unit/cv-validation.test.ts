/** K2: the rules of the CV's parts: education, work experience in months, languages, competences, driving licences. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkCompetence,
  checkDrivingLicences,
  checkEducation,
  checkLanguage,
  checkWorkExperience,
  formatYearMonth,
  orderedLicences,
  yearMonth,
  type YearMonth,
} from '../../src/domain/dossier/cv.ts';
import { parseMonthParts } from '../../src/http/pages/month-input.ts';
import { date } from '../support/dates.ts';

const today = date('2026-11-29');
const month = (value: string) => value as YearMonth;

describe('CV', () => {
  it('K2 an education needs a field of study; a diploma obtained lies in this year or before', () => {
    const education = { level: 'bachelor', field: 'Toerisme', institution: '', year: 2026, diploma: true } as const;
    assert.deepEqual(checkEducation(education, today), []);
    assert.deepEqual(checkEducation({ ...education, field: ' ' }, today), [{ field: 'richting', code: 'verplicht' }]);
    assert.deepEqual(checkEducation({ ...education, year: 2027 }, today), [{ field: 'jaar', code: 'toekomst' }]);
    assert.deepEqual(checkEducation({ ...education, year: 2027, diploma: false }, today), [], 'an education still running may end later');
    assert.deepEqual(checkEducation({ ...education, year: 1899 }, today), [{ field: 'jaar', code: 'ongeldig' }]);
  });

  it('K2 work experience: a start not after this month, an end not before the start nor after this month', () => {
    const job = { employer: 'Colruyt', jobTitle: 'Kassier', from: month('2015-09'), until: null };
    assert.deepEqual(checkWorkExperience(job, today), []);
    assert.deepEqual(checkWorkExperience({ ...job, until: month('2026-11') }, today), []);
    assert.deepEqual(checkWorkExperience({ ...job, until: month('2026-12') }, today), [{ field: 'tot', code: 'na-vandaag' }]);
    assert.deepEqual(checkWorkExperience({ ...job, until: month('2015-08') }, today), [{ field: 'tot', code: 'voor-van' }]);
    assert.deepEqual(checkWorkExperience({ ...job, from: month('2026-12') }, today), [{ field: 'van', code: 'na-vandaag' }]);
    assert.deepEqual(checkWorkExperience({ ...job, employer: '', jobTitle: '' }, today), [
      { field: 'functie', code: 'verplicht' },
      { field: 'werkgever', code: 'verplicht' },
    ]);
  });

  it('K2 months are read from two boxes and shown as mm/jjjj', () => {
    assert.deepEqual(parseMonthParts({ maand: '9', jaar: '2015' }, null), { ok: true, month: '2015-09' });
    assert.deepEqual(parseMonthParts({ maand: '', jaar: '' }, null), { ok: true, month: null });
    assert.equal(parseMonthParts({ maand: '', jaar: '' }, 'verplicht').ok, false);
    assert.equal(parseMonthParts({ maand: '13', jaar: '2015' }, null).ok, false);
    assert.equal(parseMonthParts({ maand: '09', jaar: '15' }, null).ok, false);
    assert.equal(yearMonth(2015, 0), undefined);
    assert.equal(formatYearMonth(month('2015-09')), '09/2015');
  });

  it('K2 a language once per client, whatever its case; a competence likewise', () => {
    const french = { language: 'Frans', understanding: 'goed', speaking: 'goed', reading: 'goed', writing: 'basis' } as const;
    assert.deepEqual(checkLanguage(french, [{ language: 'Engels' }]), []);
    assert.deepEqual(checkLanguage({ ...french, language: ' frans ' }, [{ language: 'Frans' }]), [{ field: 'taal', code: 'bestaat-al' }]);
    assert.deepEqual(checkCompetence({ text: 'Klantvriendelijk' }, [{ text: 'klantvriendelijk' }]), [{ field: 'competentie', code: 'bestaat-al' }]);
    assert.deepEqual(checkCompetence({ text: 'x'.repeat(151) }, []), [{ field: 'competentie', code: 'te-lang', params: { max: '150' } }]);
  });

  it('K2 driving licences are Belgian categories, kept in their official order', () => {
    assert.deepEqual(checkDrivingLicences(['B', 'CE']), []);
    assert.deepEqual(checkDrivingLicences(['B', 'Z']), [{ field: 'rijbewijs', code: 'ongeldig' }]);
    assert.deepEqual(orderedLicences(['CE', 'B', 'AM', 'B']), ['AM', 'B', 'CE']);
  });
});
