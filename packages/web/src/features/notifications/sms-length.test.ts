import { describe, expect, it } from 'vitest';
import { smsParts, unknownPlaceholders } from './sms-length';

describe('smsParts', () => {
  it('counts GSM texts in 160/153 units, extended characters twice', () => {
    expect(smsParts('a'.repeat(160))).toEqual({ chars: 160, parts: 1, unicode: false });
    expect(smsParts('a'.repeat(161))).toEqual({ chars: 161, parts: 2, unicode: false });
    expect(smsParts('€'.repeat(80)).chars).toBe(160);
    expect(smsParts('Votre plainte est reçue').unicode).toBe(true); // ç is not in the GSM alphabet
    expect(smsParts('Votre plainte a été reçue à Kara').unicode).toBe(true);
    expect(smsParts('Plainte enregistrée : code ABC').unicode).toBe(false);
  });

  it('switches to 70/67 units with any non-GSM character', () => {
    expect(smsParts(`${'a'.repeat(69)}’`)).toEqual({ chars: 70, parts: 1, unicode: true });
    expect(smsParts(`${'a'.repeat(70)}’`).parts).toBe(2);
  });
});

describe('unknownPlaceholders', () => {
  it('lists each placeholder that the topic does not offer, once', () => {
    expect(unknownPlaceholders('Code {trackingCode} {name} {name}', ['trackingCode'])).toEqual(['name']);
    expect(unknownPlaceholders('Rien', [])).toEqual([]);
  });
});
