import { CODE_BODY_LENGTH, formatTrackingCode, normalizeTrackingCode } from '@coso/domain';

/**
 * The tracking code as the facilitator reads it out to a complainant who may not read: in the printed groups
 * (XXXX-XXXX-C), one symbol at a time. The alphabet has no 0/O, 1/I/L or U, so saying the symbols one by one
 * is enough to be understood; grouping keeps the listener's place.
 */
export function codeGroups(code: string): string[][] {
  return displayCode(code)
    .split('-')
    .filter(Boolean)
    .map((group) => [...group]);
}

/** XXXX-XXXX-C for a standard code; any other length (should never happen) in groups of four. */
export function displayCode(code: string): string {
  const c = normalizeTrackingCode(code);
  if (c.length === CODE_BODY_LENGTH + 1) return formatTrackingCode(c);
  return (c.match(/.{1,4}/g) ?? []).join('-');
}

/** What a speech synthesiser says: symbols separated by commas, a pause (full stop) between groups. */
export function spokenCode(code: string): string {
  return codeGroups(code)
    .map((group) => group.join(', '))
    .join('. ');
}
