/**
 * Beroepencatalogus (K2): the beheerder searches the ISCO-08 catalogue and adds an occupation
 * under one of its unit groups. The search is a plain GET form: occupation names are not personal.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import type { Actor } from '../../../domain/users.ts';
import { messages, problemMessages } from '../../messages.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, textField, type FieldErrors } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { OCCUPATIONS_PATH, presentOccupations, type NewOccupationInput } from './occupations-presenter.ts';

type SearchRoute = { Querystring: { zoek?: string } };

const TEMPLATE = 'pages/occupations/occupations.njk';

export function occupationsRoutes(app: FastifyInstance): void {
  const { occupations } = app.services;

  async function show(reply: FastifyReply, actor: Actor, query: string, input: NewOccupationInput, errors: FieldErrors, status = 200) {
    const added = await occupations.listAdded(actor);
    const results: Occupation[] | null = query === '' ? null : await occupations.search(query);
    return reply.render(TEMPLATE, presentOccupations({ query, results, added, input, errors, limit: occupations.searchLimit }), status);
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
}
