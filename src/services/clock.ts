import { dateInBrussels, type CalendarDate } from '../domain/calendar-date.ts';

/** Time as a dependency, so that date rules are tested at their boundaries. */
export type Clock = Readonly<{ now(): Date; today(): CalendarDate }>;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => dateInBrussels(new Date()),
};

/** A clock that stands still (or is moved by the test). */
export function settableClock(start: Date): Clock & { set(instant: Date): void; advanceMinutes(minutes: number): void } {
  let current = start;
  return {
    now: () => new Date(current),
    today: () => dateInBrussels(current),
    set: (instant) => {
      current = instant;
    },
    advanceMinutes: (minutes) => {
      current = new Date(current.getTime() + minutes * 60_000);
    },
  };
}
