/**
 * Beroepencatalogus (K2): the beheerder searches the ISCO-08 catalogue and adds an occupation
 * under one of its unit groups. The search is a plain GET form: occupation names are not personal.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import type { Actor } from '../../../domain/users.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, textField, type FieldErrors } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { refusedPost } from '../shared/refused-post.ts';
import { readVersion } from '../shared/version.ts';
import { OCCUPATIONS_PATH, occupationPath, presentOccupation, presentOccupations, type NewOccupationInput, type OccupationFormInput } from './occupations-presenter.ts';

type SearchRoute = { Querystring: { zoek?: string } };
type OccupationRoute = { Params: { code: string } };

const TEMPLATE = 'pages/occupations/occupations.njk';

export function occupationsRoutes(app: FastifyInstance): void {
  const { occupations } = app.services;

  async function show(reply: FastifyReply, actor: Actor, query: string, input: NewOccupationInput, errors: FieldErrors, status = 200) {
    const added = await occupations.listAdded(actor);
    const retired = await occupations.listRetired(actor);
    const results: Occupation[] | null = query === '' ? null : await occupations.search(query);
    return reply.render(TEMPLATE, presentOccupations({ query, results, added, retired, input, errors, limit: occupations.searchLimit }), status);
  }

  app.get<SearchRoute>(OCCUPATIONS_PATH, async (request, reply) => {
    const query = typeof request.query.zoek === 'string' ? request.query.zoek.trim().slice(0, 100) : '';
    return show(reply, actorOf(request), query, { titel: '', isco: '' }, []);
  });

  app.post(OCCUPATIONS_PATH, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const form = asRawForm(request.body);
    const input = { titel: textField(form, 'titel'), isco: textField(form, 'isco-code') };
    const result = await occupations.add(actor, { title: input.titel, iscoGroup: input.isco });
    if (!result.ok) return show(reply, actor, '', input, problemsToErrors(result.problems, problemMessages.upkeep), 400);
    request.flash('success', messages.upkeep.occupationAdded(result.value.title, result.value.code));
    return reply.redirect(OCCUPATIONS_PATH, 303);
  });

  /** Issue 12: one entry, to rename or retire, with its history. */
  async function showOne(reply: FastifyReply, actor: Actor, code: string, input: OccupationFormInput | null, errors: FieldErrors = [], status = 200) {
    const { occupation, history } = await occupations.detail(actor, code);
    const shown = input ?? { titel: occupation.title, versie: String(occupation.version) };
    return reply.render('pages/occupations/occupation.njk', presentOccupation({ occupation, history, input: shown, errors }), status);
  }

  app.get<OccupationRoute>(`${OCCUPATIONS_PATH}/:code`, async (request, reply) => showOne(reply, actorOf(request), request.params.code, null));

  app.post<OccupationRoute>(`${OCCUPATIONS_PATH}/:code`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { code } = request.params;
    const form = asRawForm(request.body);
    const input = { titel: textField(form, 'titel'), versie: textField(form, 'versie') };
    const result = await occupations.rename(actor, code, readVersion(form), input.titel);
    if (!result.ok) {
      const { occupation } = await occupations.detail(actor, code);
      const { kept, errors, status } = refusedPost(input, { problems: result.problems }, occupation.version, problemMessages.admin);
      return showOne(reply, actor, code, kept, errors, status);
    }
    request.flash('success', result.value.changed === 0 ? messages.admin.nothingChanged : messages.admin.saved);
    return reply.redirect(occupationPath(code), 303);
  });

  app.post<OccupationRoute>(`${OCCUPATIONS_PATH}/:code/uitfaseren`, { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { code } = request.params;
    const result = await occupations.retire(actor, code, readVersion(asRawForm(request.body)));
    if (!result.ok) {
      const { occupation } = await occupations.detail(actor, code);
      const input = { titel: occupation.title, versie: String(occupation.version) };
      const { errors, status } = refusedPost(input, { problems: result.problems }, occupation.version, problemMessages.admin);
      return showOne(reply, actor, code, input, errors, status);
    }
    request.flash('success', messages.admin.occupationRetired(result.value.title));
    return reply.redirect(occupationPath(code), 303);
  });
}
