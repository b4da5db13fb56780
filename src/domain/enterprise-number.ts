/**
 * Ondernemingsnummer (KBO/enterprise number): 10 digits, the first 0 or 1; the last two are the
 * check: 97 - (first eight digits mod 97). Written as 0123.456.749; typed with or without dots,
 * spaces or the `BE` prefix of the VAT number.
 */
export type EnterpriseNumber = string & { readonly __brand: 'EnterpriseNumber' };

export type EnterpriseNumberProblem = 'formaat' | 'controlegetal';

export type EnterpriseNumberResult = { ok: true; number: EnterpriseNumber } | { ok: false; problem: EnterpriseNumberProblem };

/** The check digits of the first eight digits (01…97). */
export function enterpriseCheck(firstEight: number): number {
  return 97 - (firstEight % 97);
}

export function parseEnterpriseNumber(input: string): EnterpriseNumberResult {
  const digits = input.trim().replace(/^BE/i, '').replace(/[\s.-]/g, '');
  if (!/^[01]\d{9}$/.test(digits)) return { ok: false, problem: 'formaat' };
  if (enterpriseCheck(Number(digits.slice(0, 8))) !== Number(digits.slice(8))) return { ok: false, problem: 'controlegetal' };
  return { ok: true, number: digits as EnterpriseNumber };
}

/** `0123456749` as `0123.456.749`; anything else unchanged. */
export function formatEnterpriseNumber(value: string): string {
  return /^\d{10}$/.test(value) ? `${value.slice(0, 4)}.${value.slice(4, 7)}.${value.slice(7)}` : value;
}

/** A valid number from its first eight digits (0 … 19,999,999): for demo and test data. */
export function makeEnterpriseNumber(firstEight: number): EnterpriseNumber {
  const base = String(firstEight).padStart(8, '0');
  return `${base}${String(enterpriseCheck(firstEight)).padStart(2, '0')}` as EnterpriseNumber;
}
