/**
 * Demo data for keeping the dossier up to date (K1–K3): Ann Janssens's registration as a job
 * seeker, availability, desired jobs, CV and an internal note of Koers Outplacement. Months
 * are relative to the day of seeding, as the attests are.
 */
import { addDays, addMonths, type CalendarDate } from '../../domain/calendar-date.ts';
import { monthOf, type EducationInput, type LanguageInput, type WorkExperienceInput, type YearMonth } from '../../domain/dossier/cv.ts';
import type { DesiredJobInput } from '../../domain/dossier/desired-jobs.ts';
import type { Executor } from '../../db/repositories/executor.ts';
import type { Repositories } from '../../db/repositories/index.ts';

export const DEMO_UPKEEP = {
  client: 'Ann Janssens',
  registeredBy: 'secretariaat@demo.be',
  consultant: 'begeleider@demo.be',
  desiredJobs: [
    { occupationCode: '4110', experience: 'ervaren', regions: ['antwerpen', 'vlaams-brabant'], regime: 'voltijds' },
    { occupationCode: '3343', experience: 'beperkt', regions: ['antwerpen'], regime: 'deeltijds' },
  ] satisfies DesiredJobInput[],
  educations: [
    { level: 'hoger-secundair', field: 'Handel', institution: 'Sint-Ursula-Instituut Onze-Lieve-Vrouw-Waver', year: 1989, diploma: true },
    { level: 'bachelor', field: 'Office management', institution: 'Thomas More Mechelen', year: 2002, diploma: true },
  ] satisfies EducationInput[],
  languages: [
    { language: 'Nederlands', understanding: 'moedertaal', speaking: 'moedertaal', reading: 'moedertaal', writing: 'moedertaal' },
    { language: 'Frans', understanding: 'goed', speaking: 'goed', reading: 'goed', writing: 'redelijk' },
    { language: 'Engels', understanding: 'goed', speaking: 'redelijk', reading: 'goed', writing: 'redelijk' },
  ] satisfies LanguageInput[],
  drivingLicences: ['B'] as const,
  competences: ['Klantvriendelijk', 'Werken met Excel en SAP', 'Nauwkeurig'],
  note: 'Intake gedaan. Klant wil na de opleiding Excel gevorderd graag deeltijds herstarten.',
};

/** Work experience relative to today: the last job ended three months ago. */
function workExperience(today: CalendarDate): WorkExperienceInput[] {
  return [
    { employer: 'Brouwerij Het Anker', jobTitle: 'Administratief bediende', from: '1995-03' as YearMonth, until: '2010-06' as YearMonth },
    { employer: 'Van Dessel Logistics', jobTitle: 'Office manager', from: '2010-09' as YearMonth, until: monthOf(addMonths(today, -3)) },
  ];
}

export async function seedDossierUpkeep(
  trx: Executor,
  repos: Repositories,
  world: {
    today: CalendarDate;
    now: Date;
    clientIds: ReadonlyMap<string, string>;
    users: ReadonlyMap<string, { id: string; label: string; organisationId: string }>;
  },
): Promise<void> {
  const clientId = world.clientIds.get(DEMO_UPKEEP.client);
  const staff = world.users.get(DEMO_UPKEEP.registeredBy);
  const consultant = world.users.get(DEMO_UPKEEP.consultant);
  if (clientId === undefined || staff === undefined || consultant === undefined) throw new Error('Demo data inconsistent: dossier upkeep');
  const at = world.now;
  const byStaff = { userId: staff.id, label: staff.label, at };
  const by = { userId: consultant.id, label: consultant.label, at };

  await repos.clientProfiles.saveRegistration(trx, clientId, 0, { registered: true, registeredOn: addMonths(world.today, -3) }, byStaff);
  await repos.clientProfiles.saveAvailability(trx, clientId, 0, addDays(world.today, 14), by);
  for (const job of DEMO_UPKEEP.desiredJobs) await repos.desiredJobs.insert(trx, clientId, job, by);
  for (const education of DEMO_UPKEEP.educations) await repos.cv.items.educations.insert(trx, clientId, education, by);
  for (const work of workExperience(world.today)) await repos.cv.items.workExperiences.insert(trx, clientId, work, by);
  for (const language of DEMO_UPKEEP.languages) await repos.cv.items.languages.insert(trx, clientId, language, by);
  await repos.cv.saveDrivingLicences(trx, clientId, 0, DEMO_UPKEEP.drivingLicences, by);
  for (const text of DEMO_UPKEEP.competences) await repos.cv.items.competences.insert(trx, clientId, { text }, by);
  const author = { userId: consultant.id, displayName: consultant.label, organisationId: consultant.organisationId };
  await repos.internalNotes.insert(trx, { clientId, author, text: DEMO_UPKEEP.note, at });
}
