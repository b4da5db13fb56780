/** U1/U2 one-time links: valid for 72 hours, once, while the newest and the account enabled. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenExpiresAt, tokenRefusal, TOKEN_RULES, type StoredToken } from '../../src/domain/accounts/tokens.ts';
import { hashToken, looksLikeToken, newToken } from '../../src/services/accounts/tokens.ts';
import { TEST_NOW } from '../support/clock.ts';

const issued = TEST_NOW;
const aToken = (overrides: Partial<StoredToken> = {}): StoredToken => ({ purpose: 'invite', expiresAt: tokenExpiresAt(issued), usedAt: null, voidedAt: null, ...overrides });
const at = (minutes: number): Date => new Date(issued.getTime() + minutes * 60_000);

describe('U1 token expiry and use', () => {
  it('U1 a link expires exactly 72 hours after it was issued', () => {
    assert.equal(tokenExpiresAt(issued).getTime() - issued.getTime(), 72 * 3_600_000);
    assert.equal(tokenRefusal(aToken(), false, at(72 * 60 - 1)), undefined);
    assert.equal(tokenRefusal(aToken(), false, at(72 * 60)), 'verlopen');
  });

  it('U1 a used, replaced or unknown link, or one of a disabled account, is refused', () => {
    assert.equal(tokenRefusal(aToken({ usedAt: at(5) }), false, at(10)), 'gebruikt');
    assert.equal(tokenRefusal(aToken({ voidedAt: at(5) }), false, at(10)), 'vervangen');
    assert.equal(tokenRefusal(undefined, false, at(10)), 'onbekend');
    assert.equal(tokenRefusal(aToken(), true, at(10)), 'uitgeschakeld');
  });

  it('U1 a token is 256 random bits; only its SHA-256 is stored, and two tokens differ', () => {
    const first = newToken();
    const second = newToken();
    assert.equal(Buffer.from(first.token, 'base64url').length, TOKEN_RULES.bytes);
    assert.equal(TOKEN_RULES.bytes * 8, 256);
    assert.ok(looksLikeToken(first.token));
    assert.notEqual(first.token, second.token);
    assert.equal(first.hash, hashToken(first.token));
    assert.match(first.hash, /^[0-9a-f]{64}$/);
    assert.ok(!first.hash.includes(first.token));
  });
});
