/** Issue 13 item 3 (ASVS 7.5.2 "Mijn sessies"): the short Dutch device summary of a session. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deviceOf } from '../../src/domain/accounts/device.ts';
import { messages } from '../../src/http/messages/index.ts';

const summary = (userAgent: string | null): string => messages.sessions.device(deviceOf(userAgent));

const CASES: readonly (readonly [string, string])[] = [
  ['Chrome op Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'],
  ['Edge op Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70'],
  ['Firefox op Linux', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'],
  ['Firefox op macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0'],
  ['Safari op macOS', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15'],
  ['Safari op iOS', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'],
  ['Chrome op iPadOS', 'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1'],
  ['Chrome op Android', 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'],
  ['Samsung Internet op Android', 'Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/27.0 Chrome/125.0.0.0 Mobile Safari/537.36'],
  ['Opera op Windows', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0'],
  ['Chrome op ChromeOS', 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'],
];

describe('ASVS 7.5.2 device summary', () => {
  for (const [expected, userAgent] of CASES) {
    it(`ASVS 7.5.2 "${expected}" from its User-Agent`, () => {
      assert.equal(summary(userAgent), expected);
    });
  }

  it('ASVS 7.5.2 what the header does not say is told as unknown, never guessed', () => {
    assert.equal(summary(null), 'Onbekend toestel');
    assert.equal(summary(''), 'Onbekend toestel');
    assert.equal(summary('curl/8.5.0'), 'Onbekend toestel');
    assert.equal(summary('Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0'), 'Onbekende browser op Windows');
    assert.equal(summary('Mozilla/5.0 Firefox/133.0'), 'Firefox op een onbekend systeem');
  });

  it('ASVS 7.5.2 a very long header is read only as far as its first 512 characters', () => {
    assert.equal(summary(`${'x'.repeat(600)} Firefox/133.0 (Windows NT 10.0)`), 'Onbekend toestel');
  });
});
