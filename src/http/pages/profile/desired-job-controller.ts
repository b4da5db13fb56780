/**
 * "Gewenste job toevoegen" and changing or removing one (K2). "Zoek" re-shows the form with the
 * matching occupations as radio buttons, so the form works without JavaScript.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Occupation } from '../../../domain/dossier/occupations.ts';
import type { Actor } from '../../../domain/users.ts';
import { messages, problemMessages } from '../../messages/index.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm, type FieldError } from '../form.ts';
import { isConflict } from '../../../domain/result.ts';
import { problemsToErrors, statusOf } from '../shared/problems.ts';
import { EMPTY_DESIRED_JOB, readDesiredJobForm, validateDesiredJobForm, type DesiredJobFormInput } from './desired-job-form.ts';
import { desiredJobInputOf, presentDesiredJobForm } from './desired-job-presenter.ts';
import { readVersion } from '../shared/version.ts';
import { profilePaths } from './profile-presenter.ts';

type NewRoute = { Params: { clientId: string } };
type JobRoute = { Params: { clientId: string; jobId: string } };

const TEMPLATE = 'pages/profile/desired-job.njk';

export function desiredJobRoutes(app: FastifyInstance): void {
  const { desiredJobs, occupations } = app.services;

  async function show(
    reply: FastifyReply,
    actor: Actor,
    where: { clientId: string; jobId: string | null },
    input: DesiredJobFormInput,
    extra: { errors?: FieldError[]; results?: readonly Occupation[] | null; returnTo?: 'beroep'; status?: number } = {},
  ) {
    const { dossier } = await desiredJobs.form(actor, where.clientId, where.jobId);
    const page = presentDesiredJobForm({
      dossier,
      jobId: where.jobId,
      input,
      chosen: await occupations.find(input.beroep),
      results: extra.results ?? null,
      errors: extra.errors ?? [],
      returnTo: extra.returnTo ?? null,
    });
    return reply.render(TEMPLATE, page, extra.status ?? 200);
  }

  /** "Zoek": the matches, or a message at the search box; nothing is stored. */
  async function search(reply: FastifyReply, actor: Actor, where: { clientId: string; jobId: string | null }, input: DesiredJobFormInput) {
    if (input.beroepZoek.length < 2) {
      return show(reply, actor, where, input, { errors: [{ field: 'beroep-zoek', message: messages.upkeep.occupationSearchTooShort }], returnTo: 'beroep', status: 400 });
    }
    const results = await occupations.search(input.beroepZoek);
    if (results.length === 0) return show(reply, actor, where, input, { errors: [{ field: 'beroep-zoek', message: messages.upkeep.occupationSearchNone }], returnTo: 'beroep', status: 400 });
    return show(reply, actor, where, input, { results, returnTo: 'beroep' });
  }

  app.get<NewRoute>('/gewenste-jobs/nieuw', async (request, reply) => {
    return show(reply, actorOf(request), { clientId: request.params.clientId, jobId: null }, EMPTY_DESIRED_JOB);
  });

  app.post<NewRoute>('/gewenste-jobs/nieuw', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { clientId: request.params.clientId, jobId: null };
    const { action, input } = readDesiredJobForm(request.body);
    if (action === 'zoek-beroep') return search(reply, actor, where, input);
    const form = validateDesiredJobForm(input);
    if (!form.ok) return show(reply, actor, where, input, { errors: [...form.errors], status: 400 });
    const result = await desiredJobs.add(actor, where.clientId, form.value);
    if (!result.ok) return show(reply, actor, where, input, { errors: problemsToErrors(result.problems, problemMessages.upkeep), status: 400 });
    const chosen = await occupations.find(form.value.occupationCode);
    request.flash('success', messages.upkeep.desiredJobAdded(chosen?.title ?? form.value.occupationCode));
    return reply.redirect(profilePaths(where.clientId).profile, 303);
  });

  app.get<JobRoute>('/gewenste-jobs/:jobId', async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, jobId } = request.params;
    const { job } = await desiredJobs.form(actor, clientId, jobId);
    return show(reply, actor, { clientId, jobId }, job === null ? EMPTY_DESIRED_JOB : desiredJobInputOf(job));
  });

  app.post<JobRoute>('/gewenste-jobs/:jobId', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const where = { clientId: request.params.clientId, jobId: request.params.jobId };
    const { action, input } = readDesiredJobForm(request.body);
    if (action === 'zoek-beroep') return search(reply, actor, where, input);
    const form = validateDesiredJobForm(input);
    if (!form.ok) return show(reply, actor, where, input, { errors: [...form.errors], status: 400 });
    const result = await desiredJobs.change(actor, where.clientId, where.jobId, readVersion(asRawForm(request.body)), form.value);
    if (!result.ok) {
      const conflict = isConflict(result.problems);
      const errors = problemsToErrors(result.problems, problemMessages.upkeep);
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.upkeep.removedMeanwhile);
        return reply.redirect(profilePaths(where.clientId).profile, 303);
      }
      // O12: the input is kept, now on the current version.
      const { job } = await desiredJobs.form(actor, where.clientId, where.jobId);
      return show(reply, actor, where, conflict && job !== null ? { ...input, versie: String(job.version) } : input, { errors, status: statusOf(conflict) });
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(profilePaths(where.clientId).profile, 303);
  });

  app.post<JobRoute>('/gewenste-jobs/:jobId/verwijderen', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId, jobId } = request.params;
    const result = await desiredJobs.remove(actor, clientId, jobId, readVersion(asRawForm(request.body)));
    if (!result.ok) {
      if (result.problems.some((p) => p.code === 'verwijderd')) {
        request.flash('info', messages.upkeep.removedMeanwhile);
        return reply.redirect(profilePaths(clientId).profile, 303);
      }
      const { job } = await desiredJobs.form(actor, clientId, jobId);
      return show(reply, actor, { clientId, jobId }, job === null ? EMPTY_DESIRED_JOB : desiredJobInputOf(job), { errors: problemsToErrors(result.problems, problemMessages.upkeep), status: statusOf(result.problems) });
    }
    request.flash('success', messages.upkeep.desiredJobRemoved(result.value.removed));
    return reply.redirect(profilePaths(clientId).profile, 303);
  });
}
