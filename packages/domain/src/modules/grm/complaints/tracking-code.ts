/**
 * Tracking codes given to complainants: 8 symbols from a 30-symbol alphabet without 0/O/1/I/L/U (easy to read
 * aloud and to type on a phone), then a check symbol. The check makes the weighted sum of all 9 symbol values
 * (weights 1..9) divisible by the prime 31: since the weights are distinct and non-zero modulo 31, every
 * single mistyped symbol and every swap of two adjacent different symbols breaks the sum. Bodies whose check
 * value would be 30 (no symbol) are never issued. Printed as XXXX-XXXX-C.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = CODE_ALPHABET.length;
const P = 31;
export const CODE_BODY_LENGTH = 8;

const weightedSum = (symbols: string) =>
  [...symbols].reduce((sum, c, i) => (sum + (i + 1) * CODE_ALPHABET.indexOf(c)) % P, 0);

/** The check value v in 0..30 with weightedSum(body) + 9·v ≡ 0 (mod 31); 7 is the inverse of 9 mod 31. */
function checkValue(body: string): number {
  return (((P - weightedSum(body)) % P) * 7) % P;
}

/** A new code from `random` (values in [0, 1)); the caller makes sure it is unused. */
export function generateTrackingCode(random: () => number = Math.random): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < CODE_BODY_LENGTH; i++) body += CODE_ALPHABET[Math.floor(random() * N)];
    const check = checkValue(body);
    if (check < N) return body + CODE_ALPHABET[check];
  }
}

/** Upper-cases, drops spaces and dashes, and reads the look-alikes people type (O→0 is not in the alphabet). */
export function normalizeTrackingCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
}

export function isValidTrackingCode(input: string): boolean {
  const code = normalizeTrackingCode(input);
  if (code.length !== CODE_BODY_LENGTH + 1) return false;
  if ([...code].some((c) => !CODE_ALPHABET.includes(c))) return false;
  return weightedSum(code) === 0;
}

export function formatTrackingCode(code: string): string {
  const c = normalizeTrackingCode(code);
  return `${c.slice(0, 4)}-${c.slice(4, 8)}-${c.slice(8)}`;
}

/**
 * Valid codes one symbol away from a mistyped one: what the complainant probably meant. Only useful when the
 * answer is a single code.
 */
export function singleTypoCorrections(input: string): string[] {
  const code = normalizeTrackingCode(input);
  if (code.length !== CODE_BODY_LENGTH + 1 || isValidTrackingCode(code)) return [];
  const out = new Set<string>();
  for (let i = 0; i < code.length; i++) {
    for (const c of CODE_ALPHABET) {
      const candidate = code.slice(0, i) + c + code.slice(i + 1);
      if (candidate !== code && isValidTrackingCode(candidate)) out.add(candidate);
    }
  }
  return [...out];
}
