/** "Beheer": the entry to the administration pages, by role (issue 12). */
import type { Actor } from '../../../domain/users.ts';
import { API_TOKENS_PATH, ORGANISATIONS_PATH, STEP_TYPES_PATH, USERS_PATH, organisationPaths } from './admin-paths.ts';
import { WEBHOOKS_PATH } from './webhooks/webhook-paths.ts';

type Entry = Readonly<{ text: string; href: string; description: string }>;

export function presentAdminHome(actor: Actor) {
  const entries: Entry[] =
    actor.role === 'beheerder'
      ? [
          { text: 'Organisaties', href: ORGANISATIONS_PATH, description: 'Partners en diensten, hun vestigingen, financieringsnummers en toegelaten staptypes.' },
          { text: 'Gebruikers', href: USERS_PATH, description: 'Uitnodigen, rol en vestiging, uitschakelen.' },
          { text: 'Beroepen', href: '/beheer/beroepen', description: 'De beroepencatalogus: beroepen toevoegen, hernoemen en uitfaseren.' },
          { text: 'Staptypes', href: STEP_TYPES_PATH, description: 'De naam en de volgorde van de staptypes.' },
        ]
      : [
          { text: 'Gebruikers', href: USERS_PATH, description: `De gebruikers van ${actor.organisationName}.` },
          { text: 'Vestigingen en financieringsnummers', href: organisationPaths(actor.organisationId).detail, description: `De vestigingen en financieringsnummers van ${actor.organisationName}.` },
          { text: 'API-sleutels', href: API_TOKENS_PATH, description: `De sleutels waarmee de software van ${actor.organisationName} de API gebruikt.` },
          { text: 'Webhooks', href: WEBHOOKS_PATH, description: `Meldingen aan de software van ${actor.organisationName} wanneer een attest of lijn verandert.` },
        ];
  return { title: 'Beheer', entries };
}

export type AdminHomeView = ReturnType<typeof presentAdminHome>;
