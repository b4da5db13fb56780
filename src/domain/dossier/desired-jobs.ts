/**
 * Gewenste jobs (K2): the occupations a client looks for, from the occupation catalogue, with
 * the experience the client has in it, the regions where and the working regime.
 */
import { isOneOf, valuesOf } from '../choices.ts';
import type { Problem } from '../result.ts';

export const EXPERIENCE_LABELS = { geen: 'Geen', beperkt: 'Beperkt', ervaren: 'Ervaren' } as const;
export type ExperienceLevel = keyof typeof EXPERIENCE_LABELS;
export const EXPERIENCE_LEVELS = valuesOf(EXPERIENCE_LABELS);

export const WORK_REGIME_LABELS = { voltijds: 'Voltijds', deeltijds: 'Deeltijds' } as const;
export type WorkRegime = keyof typeof WORK_REGIME_LABELS;
export const WORK_REGIMES = valuesOf(WORK_REGIME_LABELS);

/** Regions a client may prefer: the Flemish provinces, Brussels and Wallonia. */
export const REGION_LABELS = {
  antwerpen: 'Antwerpen',
  limburg: 'Limburg',
  'oost-vlaanderen': 'Oost-Vlaanderen',
  'vlaams-brabant': 'Vlaams-Brabant',
  'west-vlaanderen': 'West-Vlaanderen',
  brussel: 'Brussels Hoofdstedelijk Gewest',
  wallonie: 'Wallonië',
} as const;
export type Region = keyof typeof REGION_LABELS;
export const REGIONS = valuesOf(REGION_LABELS);

export type DesiredJobInput = Readonly<{
  occupationCode: string;
  experience: ExperienceLevel;
  regions: readonly Region[];
  regime: WorkRegime;
}>;

export type DesiredJob = DesiredJobInput &
  Readonly<{ id: string; clientId: string; occupationTitle: string; version: number; updatedByLabel: string }>;

export const isExperienceLevel = isOneOf(EXPERIENCE_LEVELS);
export const isWorkRegime = isOneOf(WORK_REGIMES);
export const isRegion = isOneOf(REGIONS);

/** At least one region; the occupation's existence is checked against the catalogue by the service. */
export function checkDesiredJob(input: DesiredJobInput): Problem[] {
  const problems: Problem[] = [];
  if (input.occupationCode === '') problems.push({ field: 'beroep', code: 'verplicht' });
  if (input.regions.length === 0) problems.push({ field: 'regio', code: 'verplicht' });
  return problems;
}

/** Regions in the catalogue's order, without doubles, for storing and showing. */
export function orderedRegions(regions: readonly Region[]): Region[] {
  return REGIONS.filter((r) => regions.includes(r));
}
