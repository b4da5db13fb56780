/**
 * Profiel & Gewenste jobs (K1, K2): the tab, and the forms for contact data, the registration as
 * a job seeker (service staff) and availability. Post/redirect/get with a confirmation; invalid
 * input comes back with status 400 and everything typed; a change on an outdated version with 409.
 */
import type { FastifyInstance } from 'fastify';
import { messages } from '../../messages.ts';
import { actorOf } from '../../plugins/app/auth.ts';
import { asRawForm } from '../form.ts';
import { refusedPost } from '../shared/refused-post.ts';
import { presentDossierFrame } from '../dossier/dossier-presenter.ts';
import { presentUpkeepTimeline } from './changes-presenter.ts';
import {
  contactValue,
  readAvailabilityForm,
  readContactForm,
  readRegistrationForm,
  validateAvailabilityForm,
  validateRegistrationForm,
} from './profile-forms.ts';
import { readVersion } from '../shared/version.ts';
import {
  availabilityInputOf,
  contactInputOf,
  presentAvailabilityForm,
  presentContactForm,
  presentProfile,
  presentRegistrationForm,
  profilePaths,
  registrationInputOf,
} from './profile-presenter.ts';

type Route = { Params: { clientId: string } };

const CONTACT = 'pages/profile/contact-form.njk';
const REGISTRATION = 'pages/profile/registration-form.njk';
const AVAILABILITY = 'pages/profile/availability-form.njk';

export function profileRoutes(app: FastifyInstance): void {
  const { profile } = app.services;

  app.get<Route>('/profiel', async (request, reply) => {
    return reply.render('pages/profile/profile.njk', presentProfile(await profile.profile(actorOf(request), request.params.clientId)));
  });

  app.get<Route>('/profiel/contactgegevens', async (request, reply) => {
    const dossier = await profile.contactForm(actorOf(request), request.params.clientId);
    return reply.render(CONTACT, presentContactForm(dossier, contactInputOf(dossier.client)));
  });

  app.post<Route>('/profiel/contactgegevens', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const input = readContactForm(request.body);
    const result = await profile.changeContact(actor, clientId, readVersion(asRawForm(request.body)), contactValue(input));
    if (!result.ok) {
      const dossier = await profile.contactForm(actor, clientId);
      const { kept, errors, status } = refusedPost(input, result, dossier.client.version);
      return reply.render(CONTACT, presentContactForm(dossier, kept, errors), status);
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(profilePaths(clientId).profile, 303);
  });

  app.get<Route>('/profiel/inschrijving', async (request, reply) => {
    const { dossier, registration } = await profile.registrationForm(actorOf(request), request.params.clientId);
    return reply.render(REGISTRATION, presentRegistrationForm(dossier, registrationInputOf(registration)));
  });

  app.post<Route>('/profiel/inschrijving', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const input = readRegistrationForm(request.body);
    const form = validateRegistrationForm(input);
    const result = form.ok ? await profile.recordRegistration(actor, clientId, readVersion(asRawForm(request.body)), form.value) : form;
    if (!result.ok) {
      const { dossier, registration } = await profile.registrationForm(actor, clientId);
      const { kept, errors, status } = refusedPost(input, result, registration?.version ?? 0);
      return reply.render(REGISTRATION, presentRegistrationForm(dossier, kept, errors), status);
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(profilePaths(clientId).profile, 303);
  });

  app.get<Route>('/profiel/beschikbaarheid', async (request, reply) => {
    const { dossier, availability, today } = await profile.availabilityForm(actorOf(request), request.params.clientId);
    return reply.render(AVAILABILITY, presentAvailabilityForm(dossier, availabilityInputOf(availability), today));
  });

  app.post<Route>('/profiel/beschikbaarheid', { preHandler: app.csrfProtection }, async (request, reply) => {
    const actor = actorOf(request);
    const { clientId } = request.params;
    const input = readAvailabilityForm(request.body);
    const form = validateAvailabilityForm(input);
    const result = form.ok ? await profile.changeAvailability(actor, clientId, readVersion(asRawForm(request.body)), form.value) : form;
    if (!result.ok) {
      const { dossier, availability, today } = await profile.availabilityForm(actor, clientId);
      const { kept, errors, status } = refusedPost(input, result, availability?.version ?? 0);
      return reply.render(AVAILABILITY, presentAvailabilityForm(dossier, kept, today, errors), status);
    }
    request.flash('success', result.value.changed === 0 ? messages.upkeep.nothingChanged : messages.upkeep.saved);
    return reply.redirect(profilePaths(clientId).profile, 303);
  });

  // "Wijzigingen": who changed which field of profile, desired jobs and CV, when (O11-style).
  app.get<Route>('/wijzigingen', async (request, reply) => {
    const { dossier, events } = await profile.changeLog(actorOf(request), request.params.clientId);
    return reply.render('pages/profile/changes.njk', {
      title: 'Wijzigingen aan profiel, gewenste jobs en cv',
      frame: presentDossierFrame(dossier, 'profiel'),
      events: presentUpkeepTimeline(events),
      backHref: profilePaths(dossier.client.id).profile,
    });
  });
}

