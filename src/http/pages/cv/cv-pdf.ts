/**
 * "CV afdrukken" (K2): the CV as a clean A4 PDF, made with pdf-lib. The standard Helvetica fonts
 * encode WinAnsi (Latin-1 and a few more), which covers Dutch, French and German names; any
 * other character is written without its accent, or as "?", never dropped silently. The text is
 * measured, wrapped and flowed over pages by shared/pdf-writer.ts (issue 15 defect 4).
 */
import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { EXPERIENCE_LABELS, WORK_REGIME_LABELS, REGION_LABELS } from '../../../domain/dossier/desired-jobs.ts';
import type { CvForPrint } from '../../../services/dossier-upkeep/cv-service.ts';
import { messages } from '../../messages/index.ts';
import { addressOf } from '../profile/profile-presenter.ts';
import { educationRow, languageRow, workRow } from './cv-presenter.ts';
import { withoutAccent } from '../shared/pdf-text.ts';
import { BRAND, MUTED, PdfWriter } from '../shared/pdf-writer.ts';

export async function renderCvPdf(cv: CvForPrint): Promise<Uint8Array> {
  const { client } = cv.dossier;
  const name = fullName(client);
  const w = await PdfWriter.create({ title: `Curriculum vitae ${name}`, creator: messages.common.serviceName });

  w.text('Curriculum vitae', { size: 11, color: MUTED });
  w.text(name, { size: 22, bold: true, color: BRAND, after: 6 });
  const contact = [addressOf(client), client.phone ?? '', client.email ?? ''].filter((part) => part !== '');
  if (contact.length > 0) w.text(contact.join('  ·  '), { color: MUTED, after: 4 });

  if (cv.desiredJobs.length > 0 || cv.availability?.availableFrom) {
    w.heading('Gewenste jobs');
    for (const job of cv.desiredJobs) {
      w.text(job.occupationTitle, { bold: true });
      w.text(`Ervaring: ${EXPERIENCE_LABELS[job.experience]} · ${WORK_REGIME_LABELS[job.regime]} · ${job.regions.map((r) => REGION_LABELS[r]).join(', ')}`, { indent: 12, after: 4 });
    }
    if (cv.availability?.availableFrom) w.text(`Beschikbaar vanaf ${formatDate(cv.availability.availableFrom)}`, { after: 4 });
  }

  w.heading('Werkervaring');
  if (cv.workExperiences.length === 0) w.text('Geen werkervaring opgegeven.', { color: MUTED });
  for (const item of cv.workExperiences.map(workRow)) {
    w.text(`${item.from} – ${item.until}`, { color: MUTED, after: 0 });
    w.text(`${item.jobTitle}, ${item.employer}`, { bold: true, after: 6 });
  }

  w.heading('Opleidingen');
  if (cv.educations.length === 0) w.text('Geen opleidingen opgegeven.', { color: MUTED });
  for (const item of cv.educations.map(educationRow)) {
    w.text(`${item.field} (${item.level})`, { bold: true, after: 0 });
    const details = [item.institution, item.year, item.diploma === 'Ja' ? 'diploma behaald' : 'geen diploma'].filter((part) => part !== '');
    w.text(details.join(' · '), { color: MUTED, after: 6 });
  }

  if (cv.languages.length > 0) {
    w.heading('Talen');
    for (const item of cv.languages.map(languageRow)) {
      const [understanding, speaking, reading, writing] = item.levels;
      w.text(item.language, { bold: true, after: 0 });
      w.text(`Begrijpen: ${understanding ?? ''} · Spreken: ${speaking ?? ''} · Lezen: ${reading ?? ''} · Schrijven: ${writing ?? ''}`, { indent: 12, after: 4 });
    }
  }

  w.heading('Rijbewijzen');
  w.text(cv.drivingLicences.categories.length === 0 ? 'Geen rijbewijs' : cv.drivingLicences.categories.join(', '));

  if (cv.competences.length > 0) {
    w.heading('Competenties');
    for (const competence of cv.competences) w.text(`• ${competence.text}`, { indent: 4, after: 1 });
  }

  w.footer((page, pages) => `${name} · afgedrukt op ${formatDate(cv.printedOn)} · pagina ${page} van ${pages}`);
  return w.save();
}

/** A file name without personal characters a browser or file system might trip over. */
export function cvFileName(cv: CvForPrint): string {
  const slug = Array.from(`${cv.dossier.client.familyName}-${cv.dossier.client.firstName}`, withoutAccent)
    .join('')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `cv-${slug === '' ? 'klant' : slug}.pdf`;
}
