/**
 * The list of common and breached passwords shipped with the portal (`common-passwords.txt.gz`,
 * one lower-case entry per line, 414,613 entries from SecLists; source and licence in README.md).
 * Read once, on first use, into a Set. Only entries that could pass the other rules are kept in
 * memory: a shorter password is refused for its length anyway.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PASSWORD_RULES, type CommonPasswordCheck } from '../../domain/accounts/passwords.ts';

const LIST = new URL('./common-passwords.txt.gz', import.meta.url);

let loaded: ReadonlySet<string> | undefined;

/** Every entry of the shipped list, in lower case (for the tests that count it). */
export function readCommonPasswordList(): string[] {
  return gunzipSync(readFileSync(LIST)).toString('utf8').split('\n').filter((line) => line !== '');
}

function commonPasswords(): ReadonlySet<string> {
  loaded ??= new Set(readCommonPasswordList().filter((entry) => Array.from(entry).length >= PASSWORD_RULES.minLength));
  return loaded;
}

export const isCommonPassword: CommonPasswordCheck = (lowerCasePassword) => commonPasswords().has(lowerCasePassword);
