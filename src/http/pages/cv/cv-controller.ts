/**
 * The tab "Cv's" (K2): the CV, adding and removing competences, the driving licences, the forms
 * of education, work experience and languages, and "CV afdrukken" (a PDF). Post/redirect/get;
 * invalid input returns with status 400 and the input kept, an outdated version with 409.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Actor } from '../../../domain/users.ts';
import type { Dossier } from '../../../services/dossiers/dossier-access.ts';
import type { CvInputs, CvItems, CvKind } from '../../../domain/dossier/cv.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, type FieldErrors, type FormResult } from '../form.ts';
import type { PageView } from '../layout-presenter.ts';
import { readVersion } from '../shared/version.ts';
import { isConflict } from '../../../domain/result.ts';
import { problemsToErrors, statusOf } from '../shared/problems.ts';
import { versionedFormRoutes } from '../shared/versioned-form.ts';
import {
  readCompetenceForm,
  readEducationForm,
  readLanguageForm,
  readLicencesForm,
  readWorkForm,
  validateEducationForm,
  validateLanguageForm,
  validateWorkForm,
  type EducationFormInput,
  type LanguageFormInput,
  type WorkFormInput,
} from './cv-forms.ts';
import { cvFileName, renderCvPdf } from './cv-pdf.ts';
import {
  cvPaths,
  educationInputOf,
  KIND_NAMES,
  KIND_SEGMENTS,
  languageInputOf,
  presentCv,
  presentEducationForm,
  presentLanguageForm,
  presentLicencesForm,
  presentWorkForm,
  workInputOf,
} from './cv-presenter.ts';

type Route = { Params: { clientId: string } };
type ItemRoute = { Params: { clientId: string; itemId: string } };

type ItemKind = Exclude<CvKind, 'competentie'>;
type FormInputs = { opleiding: EducationFormInput; werkervaring: WorkFormInput; taal: LanguageFormInput };

/** How the pages handle one kind of CV item's form. */
type ItemForm<K extends ItemKind> = Readonly<{
  read(body: unknown): FormInputs[K];
  validate(input: FormInputs[K]): FormResult<CvInputs[K]>;
  inputOf(item: CvItems[K] | null): FormInputs[K];
  present(dossier: Dossier, itemId: string | null, input: FormInputs[K], errors?: FieldErrors): PageView;
}>;

const ITEM_TEMPLATE = 'pages/cv/cv-item.njk';

export function cvRoutes(app: FastifyInstance): void {
  const { cv } = app.services;

  app.get<Route>('/cv', async (request, reply) => {
    return reply.render('pages/cv/cv.njk', presentCv(await cv.cv(actorOf(request), request.params.clientId)));
  });

  app.get<Route>('/cv/afdrukken', async (request, reply) => {
    const forPrint = await cv.forPrint(actorOf(request), request.params.clientId);
    const pdf = await renderCvPdf(forPrint);
    return reply
      .type('application/pdf')
      .header('Content-Disposition', `inline; filename="${cvFileName(forPrint)}"`)
      .send(Buffer.from(pdf));
  });

  app.post<Route>('/cv/competenties', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const input = readCompetenceForm(request.body);
    const result = await cv.addItem('competentie', actor, clientId, input);
    if (!result.ok) {
      const current = await cv.cv(actor, clientId);
      return reply.render('pages/cv/cv.njk', presentCv(current, { value: input.text, errors: problemsToErrors(result.problems, problemMessages.upkeep) }), 400);
    }
    request.flash('success', messages.upkeep.cvItemAdded(`De competentie ${input.text}`));
    return reply.redirect(`${cvPaths(clientId).cv}#competentie`, 303);
  });

  app.post<ItemRoute>('/cv/competenties/:itemId/verwijderen', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { clientId, itemId } = request.params;
    const result = await cv.removeItem('competentie', actorOf(request), clientId, itemId, readVersion(asRawForm(request.body)));
    if (result.ok) request.flash('success', messages.upkeep.cvItemRemoved(result.value.removed));
    else request.flash('info', problemsToErrors(result.problems, problemMessages.upkeep)[0]?.message ?? messages.upkeep.removedMeanwhile);
    return reply.redirect(cvPaths(clientId).cv, 303);
  });

  versionedFormRoutes(app, '/cv/rijbewijzen', {
    template: 'pages/cv/licences.njk',
    load: cv.drivingLicencesForm,
    inputOf: ({ drivingLicences }) => ({ rijbewijs: [...drivingLicences.categories], versie: String(drivingLicences.version) }),
    read: readLicencesForm,
    // The service checks the categories (K2).
    parse: (input) => ({ ok: true, value: input.rijbewijs }),
    save: cv.changeDrivingLicences,
    present: ({ dossier }, input, errors) => presentLicencesForm(dossier, input, errors),
    savedPath: (clientId) => cvPaths(clientId).cv,
  });

  itemRoutes(app, 'opleiding', { read: readEducationForm, validate: validateEducationForm, inputOf: educationInputOf, present: presentEducationForm });
  itemRoutes(app, 'werkervaring', { read: readWorkForm, validate: validateWorkForm, inputOf: workInputOf, present: presentWorkForm });
  itemRoutes(app, 'taal', { read: readLanguageForm, validate: validateLanguageForm, inputOf: languageInputOf, present: presentLanguageForm });
}

/** New, change and remove for one kind of item, under `<dossier scope>/cv/<segment>`. */
function itemRoutes<K extends ItemKind>(app: FastifyInstance, kind: K, form: ItemForm<K>): void {
  const { cv } = app.services;
  const base = `/cv/${KIND_SEGMENTS[kind]}`;

  async function showAgain(reply: FastifyReply, actor: Actor, where: { clientId: string; itemId: string | null }, input: FormInputs[K], errors: FieldErrors, status: number) {
    const { dossier } = await cv.itemForm(kind, actor, where.clientId, where.itemId);
    return reply.render(ITEM_TEMPLATE, form.present(dossier, where.itemId, input, errors), status);
  }

  app.get<Route>(`${base}/nieuw`, async (request, reply) => {
    const { dossier } = await cv.itemForm(kind, actorOf(request), request.params.clientId, null);
    return reply.render(ITEM_TEMPLATE, form.present(dossier, null, form.inputOf(null)));
  });

  app.post<Route>(`${base}/nieuw`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { clientId: request.params.clientId, itemId: null };
    const input = form.read(request.body);
    const parsed = form.validate(input);
    if (!parsed.ok) return showAgain(reply, actor, where, input, parsed.errors, 400);
    const result = await cv.addItem(kind, actor, where.clientId, parsed.value);
    if (!result.ok) return showAgain(reply, actor, where, input, problemsToErrors(result.problems, problemMessages.upkeep), 400);
    request.flash('success', messages.upkeep.cvItemAdded(KIND_NAMES[kind]));
    return reply.redirect(cvPaths(where.clientId).cv, 303);
  });

  app.get<ItemRoute>(`${base}/:itemId`, async (request, reply) => {
    const { clientId, itemId } = request.params;
    const { dossier, item } = await cv.itemForm(kind, actorOf(request), clientId, itemId);
    return reply.render(ITEM_TEMPLATE, form.present(dossier, itemId, form.inputOf(item)));
  });

  app.post<ItemRoute>(`${base}/:itemId`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { clientId: request.params.clientId, itemId: request.params.itemId };
    const input = form.read(request.body);
    const parsed = form.validate(input);
    if (!parsed.ok) return showAgain(reply, actor, where, input, parsed.errors, 400);
    const result = await cv.changeItem(kind, actor, where.clientId, where.itemId, readVersion(asRawForm(request.body)), parsed.value);
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.upkeep.removedMeanwhile);
        return reply.redirect(cvPaths(where.clientId).cv, 303);
      }
      const conflict = isConflict(result.problems);
      // O12: the input is kept, now on the current version.
      const { item } = await cv.itemForm(kind, actor, where.clientId, where.itemId);
      const kept = conflict && item !== null ? { ...input, versie: String(item.version) } : input;
      return showAgain(reply, actor, where, kept, problemsToErrors(result.problems, problemMessages.upkeep), statusOf(conflict));
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(cvPaths(where.clientId).cv, 303);
  });

  app.post<ItemRoute>(`${base}/:itemId/verwijderen`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, itemId } = request.params;
    const result = await cv.removeItem(kind, actor, clientId, itemId, readVersion(asRawForm(request.body)));
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.upkeep.removedMeanwhile);
        return reply.redirect(cvPaths(clientId).cv, 303);
      }
      const { dossier, item } = await cv.itemForm(kind, actor, clientId, itemId);
      return reply.render(ITEM_TEMPLATE, form.present(dossier, itemId, form.inputOf(item), problemsToErrors(result.problems, problemMessages.upkeep)), statusOf(result.problems));
    }
    request.flash('success', messages.upkeep.cvItemRemoved(result.value.removed));
    return reply.redirect(cvPaths(clientId).cv, 303);
  });
}
