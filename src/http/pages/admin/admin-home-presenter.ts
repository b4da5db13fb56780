/** "Beheer": the entry to the administration pages, by role (issue 12). */
import type { Actor } from '../../../domain/users.ts';
import { messages } from '../../messages/index.ts';
import { KOPPELINGEN_PATH, ORGANISATIONS_PATH, STEP_TYPES_PATH, USERS_PATH, organisationPaths } from './admin-paths.ts';

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
          { text: messages.koppelingen.title, href: KOPPELINGEN_PATH, description: messages.koppelingen.adminEntry(actor.organisationName) },
        ];
  return { title: 'Beheer', entries };
}

export type AdminHomeView = ReturnType<typeof presentAdminHome>;
