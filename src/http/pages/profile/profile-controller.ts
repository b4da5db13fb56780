/**
 * Profiel & Gewenste jobs (K1, K2): the tab, and the forms for contact data, the registration as
 * a job seeker (service staff) and availability. Post/redirect/get with a confirmation; invalid
 * input comes back with status 400 and everything typed; a change on an outdated version with 409.
 */
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../plugins/app/auth.ts';
import { versionedFormRoutes } from '../shared/versioned-form.ts';
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

export function profileRoutes(app: FastifyInstance): void {
  const { profile } = app.services;
  const savedPath = (clientId: string) => profilePaths(clientId).profile;

  app.get<Route>('/profiel', async (request, reply) => {
    return reply.render('pages/profile/profile.njk', presentProfile(await profile.profile(actorOf(request), request.params.clientId)));
  });

  versionedFormRoutes(app, '/profiel/contactgegevens', {
    template: 'pages/profile/contact-form.njk',
    load: profile.contactForm,
    inputOf: (dossier) => contactInputOf(dossier.client),
    read: readContactForm,
    // The service checks the contact data (K2: postcode, phone, a complete address).
    parse: (input) => ({ ok: true, value: contactValue(input) }),
    save: profile.changeContact,
    present: presentContactForm,
    savedPath,
  });

  versionedFormRoutes(app, '/profiel/inschrijving', {
    template: 'pages/profile/registration-form.njk',
    load: profile.registrationForm,
    inputOf: ({ registration }) => registrationInputOf(registration),
    read: readRegistrationForm,
    parse: validateRegistrationForm,
    save: profile.recordRegistration,
    present: ({ dossier }, input, errors) => presentRegistrationForm(dossier, input, errors),
    savedPath,
  });

  versionedFormRoutes(app, '/profiel/beschikbaarheid', {
    template: 'pages/profile/availability-form.njk',
    load: profile.availabilityForm,
    inputOf: ({ availability }) => availabilityInputOf(availability),
    read: readAvailabilityForm,
    parse: validateAvailabilityForm,
    save: profile.changeAvailability,
    present: ({ dossier, today }, input, errors) => presentAvailabilityForm(dossier, input, today, errors),
    savedPath,
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

