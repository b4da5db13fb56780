/**
 * Begeleiding > Interne opmerking (K3): the notes of the user's own organisation, newest first,
 * and a form to add one. Other organisations, service staff included, never see them.
 */
import type { FastifyInstance } from 'fastify';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, multilineField, type FieldErrors } from '../form.ts';
import { problemsToErrors } from '../shared/problems.ts';
import { notesPath, presentNotes } from './notes-presenter.ts';

type Route = { Params: { clientId: string } };

const TEMPLATE = 'pages/notes/notes.njk';

export function notesRoutes(app: FastifyInstance): void {
  const { internalNotes } = app.services;

  app.get<Route>('/begeleiding/interne-opmerking', async (request, reply) => {
    const actor = actorOf(request);
    const { dossier, notes } = await internalNotes.list(actor, request.params.clientId);
    return reply.render(TEMPLATE, presentNotes({ dossier, notes, organisationName: actor.organisationName, input: '', errors: [] }));
  });

  app.post<Route>('/begeleiding/interne-opmerking', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const text = multilineField(asRawForm(request.body), 'opmerking');
    const result = await internalNotes.add(actor, clientId, text);
    if (!result.ok) {
      const { dossier, notes } = await internalNotes.list(actor, clientId);
      const errors: FieldErrors = problemsToErrors(result.problems, problemMessages.upkeep);
      return reply.render(TEMPLATE, presentNotes({ dossier, notes, organisationName: actor.organisationName, input: text, errors }), 400);
    }
    request.flash('success', messages.upkeep.noteAdded);
    return reply.redirect(notesPath(clientId), 303);
  });
}
