/** "Mijn sessies" (issue 13, ASVS 7.4, 7.5): the user's own sessions. */
import type { Device } from '../../domain/accounts/device.ts';

export const sessions = {
  title: 'Mijn sessies',
  current: 'Deze sessie',
  otherSessionsEnded: (count: number) =>
    count === 0 ? 'Er waren geen andere sessies om af te melden.' : count === 1 ? 'Je bent afgemeld op 1 ander toestel.' : `Je bent afgemeld op ${count} andere toestellen.`,
  /** A short Dutch description of a device: "Chrome op Windows". */
  device: (device: Device): string =>
    device.browser !== null && device.system !== null
      ? `${device.browser} op ${device.system}`
      : device.browser !== null
        ? `${device.browser} op een onbekend systeem`
        : device.system !== null
          ? `Onbekende browser op ${device.system}`
          : 'Onbekend toestel',
} as const;
