// Identifier checks.

/** NHS number: 10 digits, the last a modulus 11 check digit. Spaces and hyphens are allowed. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (expected === 10) return false;
  return expected === Number(digits[9]);
}

export function normaliseNhsNumber(value: string): string {
  const digits = value.replace(/[\s-]/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : value.trim();
}

/**
 * An identifier as a search compares it: without spaces or hyphens, in capitals, so that
 * "943 476 5919", "9434765919" and "943-476-5919" are one NHS number and "ken 100200" is "KEN100200".
 */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
