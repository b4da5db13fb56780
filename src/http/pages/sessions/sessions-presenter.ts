import { BRUSSELS_DATE_TIME } from '../../../domain/calendar-date.ts';
import type { SessionOverview } from '../../../services/auth/session-service.ts';
import { messages } from '../../messages/index.ts';

export const SESSIONS_PATH = '/sessies';
export const END_OTHERS_PATH = '/sessies/andere-afmelden';

/** "Mijn sessies": device, start and last seen in Brussels (dd/mm/jjjj uu:mm), the current one marked. */
export function presentSessions(sessions: readonly SessionOverview[]) {
  return {
    title: messages.sessions.title,
    action: END_OTHERS_PATH,
    hasOthers: sessions.some((s) => !s.current),
    rows: sessions.map((s) => ({
      device: messages.sessions.device(s.device),
      current: s.current ? messages.sessions.current : null,
      startedAt: BRUSSELS_DATE_TIME.format(s.startedAt),
      lastSeenAt: BRUSSELS_DATE_TIME.format(s.lastSeenAt),
    })),
  };
}

export type SessionsView = ReturnType<typeof presentSessions>;
