import type { Dossier } from '../../../services/dossiers/dossier-service.ts';
import type { PageView } from '../layout-presenter.ts';
import { presentDossierFrame, type GuidanceSubtab } from './dossier-presenter.ts';

/** Begeleiding > Stappen naar werk and Traject. The step lines come with the Outplacement step. */
export function presentGuidance(dossier: Dossier, subtab: GuidanceSubtab): PageView {
  return {
    title: subtab === 'traject' ? 'Traject' : 'Stappen naar werk',
    frame: presentDossierFrame(dossier, 'begeleiding', subtab),
    steps: [],
  };
}
