/**
 * A short description of the device of a session ("Mijn sessies", ASVS 7.5.2), read from the
 * browser's User-Agent header: the browser and the operating system, nothing more. A handful of
 * ordered patterns, no parsing library: the header is the browser's own claim and is only shown to
 * the user to recognise their sessions, never used for a decision.
 */

export type Device = Readonly<{ browser: string | null; system: string | null }>;

/** The longest header kept with a session. */
export const USER_AGENT_MAX = 512;

// Order matters: Edge, Opera and Samsung Internet also name Chrome and Safari; Chrome names Safari.
const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/\bTrident\/|\bMSIE /, 'Internet Explorer'],
];

// Order matters: iOS and iPadOS say "like Mac OS X", Android says Linux.
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bWindows\b/, 'Windows'],
  [/\biPhone\b|\biPod\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

function firstMatch(patterns: readonly (readonly [RegExp, string])[], text: string): string | null {
  return patterns.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** The browser and system named by a User-Agent header; null for what it does not say (or no header). */
export function deviceOf(userAgent: string | null | undefined): Device {
  const text = (userAgent ?? '').slice(0, USER_AGENT_MAX);
  return { browser: firstMatch(BROWSERS, text), system: firstMatch(SYSTEMS, text) };
}
