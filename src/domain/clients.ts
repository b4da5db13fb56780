import type { CalendarDate } from './calendar-date.ts';
import type { Insz } from './insz.ts';

export type Client = Readonly<{
  id: string;
  insz: Insz;
  familyName: string;
  firstName: string;
  birthDate: CalendarDate;
  email: string | null;
  phone: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  version: number;
}>;

export type Regime = 'algemeen' | 'cao82' | 'tewerkstellingscel';
/** A2: the regime of an attest, as the form and the attest show it. */
export const REGIME_LABELS: Readonly<Record<Regime, string>> = { algemeen: 'Algemeen regime', cao82: 'CAO 82 (45+)', tewerkstellingscel: 'Tewerkstellingscel' };
export type AttestState = 'ingediend' | 'goedgekeurd' | 'afgewezen';
export const ATTEST_STATE_LABELS: Readonly<Record<AttestState, string>> = { ingediend: 'Ingediend', goedgekeurd: 'Goedgekeurd', afgewezen: 'Afgewezen' };

export type Attest = Readonly<{
  id: string;
  clientId: string;
  organisationId: string;
  regime: Regime;
  startDate: CalendarDate;
  endDate: CalendarDate;
  state: AttestState;
  approvedOn: CalendarDate | null;
  rejectionReason: string | null;
  version: number;
}>;

/** A client with the period of the attest that gives the organisation access (A1). */
export type ClientWithPeriod = Readonly<{ client: Client; startDate: CalendarDate; endDate: CalendarDate }>;

/** The organisation's Bezig Outplacement line of a client (O4: at most one): since and until when. */
export type RunningOutplacement = Readonly<{ stepId: string; date: CalendarDate; endDate: CalendarDate | null }>;

/** "Mijn klanten": a client, its attest period and the organisation's running Outplacement line, if any (issue 15 defect 12). */
export type MyClient = ClientWithPeriod & Readonly<{ runningOutplacement: RunningOutplacement | null }>;

export function fullName(client: Pick<Client, 'firstName' | 'familyName'>): string {
  return `${client.firstName} ${client.familyName}`;
}
