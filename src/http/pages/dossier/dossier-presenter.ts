import { formatDate } from '../../../domain/calendar-date.ts';
import { fullName } from '../../../domain/clients.ts';
import { maskInsz } from '../../../domain/insz.ts';
import type { Dossier } from '../../../services/dossiers/dossier-service.ts';

/** The tabs of K1 that exist so far; tabs not built are not shown (no dead links). */
export type DossierTab = 'klantenportret' | 'profiel' | 'cv' | 'documenten' | 'begeleiding';
export type GuidanceSubtab = 'stappen-naar-werk' | 'traject' | 'interne-opmerking';

export type DossierFrame = Readonly<{
  identity: { name: string; birthDate: string; insz: string };
  tabs: { text: string; href: string; active: boolean }[];
  subtabs: { text: string; href: string; active: boolean }[] | null;
}>;

export function dossierPath(clientId: string, tab: DossierTab = 'klantenportret', subtab?: GuidanceSubtab): string {
  const base = `/dossiers/${clientId}`;
  if (tab === 'klantenportret') return base;
  if (tab === 'documenten') return `${base}/documenten`;
  if (tab === 'profiel' || tab === 'cv') return `${base}/${tab}`;
  return subtab === undefined ? `${base}/begeleiding` : `${base}/begeleiding/${subtab}`;
}

/** The identity bar and the tabs every dossier page shows. */
export function presentDossierFrame(dossier: Dossier, tab: DossierTab, subtab?: GuidanceSubtab): DossierFrame {
  const { client } = dossier;
  return {
    identity: { name: fullName(client), birthDate: formatDate(client.birthDate), insz: maskInsz(client.insz) },
    tabs: [
      { text: 'Klantenportret', href: dossierPath(client.id), active: tab === 'klantenportret' },
      { text: 'Profiel & Gewenste jobs', href: dossierPath(client.id, 'profiel'), active: tab === 'profiel' },
      { text: "Cv's", href: dossierPath(client.id, 'cv'), active: tab === 'cv' },
      { text: 'Documenten', href: dossierPath(client.id, 'documenten'), active: tab === 'documenten' },
      { text: 'Begeleiding', href: dossierPath(client.id, 'begeleiding', 'stappen-naar-werk'), active: tab === 'begeleiding' },
    ],
    subtabs:
      tab === 'begeleiding'
        ? [
            { text: 'Stappen naar werk', href: dossierPath(client.id, 'begeleiding', 'stappen-naar-werk'), active: subtab === 'stappen-naar-werk' },
            { text: 'Traject', href: dossierPath(client.id, 'begeleiding', 'traject'), active: subtab === 'traject' },
            { text: 'Interne opmerking', href: dossierPath(client.id, 'begeleiding', 'interne-opmerking'), active: subtab === 'interne-opmerking' },
          ]
        : null,
  };
}
