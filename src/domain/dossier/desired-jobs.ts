/**
 * Gewenste jobs (K2): the occupations a client looks for, from the occupation catalogue, with
 * the experience the client has in it, the regions where and the working regime.
 */
import type { Problem } from '../result.ts';

export const EXPERIENCE_LEVELS = ['geen', 'beperkt', 'ervaren'] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = { geen: 'Geen', beperkt: 'Beperkt', ervaren: 'Ervaren' };

export const WORK_REGIMES = ['voltijds', 'deeltijds'] as const;
export type WorkRegime = (typeof WORK_REGIMES)[number];
export const WORK_REGIME_LABELS: Readonly<Record<WorkRegime, string>> = { voltijds: 'Voltijds', deeltijds: 'Deeltijds' };

/** Regions a client may prefer: the Flemish provinces, Brussels and Wallonia. */
export const REGIONS = [
  'antwerpen',
  'limburg',
  'oost-vlaanderen',
  'vlaams-brabant',
  'west-vlaanderen',
  'brussel',
  'wallonie',
] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_LABELS: Record<Region, string> = {
  antwerpen: 'Antwerpen',
  limburg: 'Limburg',
  'oost-vlaanderen': 'Oost-Vlaanderen',
  'vlaams-brabant': 'Vlaams-Brabant',
  'west-vlaanderen': 'West-Vlaanderen',
  brussel: 'Brussels Hoofdstedelijk Gewest',
  wallonie: 'Wallonië',
};

export type DesiredJobInput = Readonly<{
  occupationCode: string;
  experience: ExperienceLevel;
  regions: readonly Region[];
  regime: WorkRegime;
}>;

export type DesiredJob = DesiredJobInput &
  Readonly<{ id: string; clientId: string; occupationTitle: string; version: number; updatedByLabel: string }>;

export const isExperienceLevel = (value: string): value is ExperienceLevel => (EXPERIENCE_LEVELS as readonly string[]).includes(value);
export const isWorkRegime = (value: string): value is WorkRegime => (WORK_REGIMES as readonly string[]).includes(value);
export const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);

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
