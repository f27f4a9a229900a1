import { describe, expect, it } from 'vitest';
import { mapRegisterColumns, normalizePhone, parseRegisterDate } from './columns.js';

describe('register cells', () => {
  it('reads ISO and French dates and refuses dates that do not exist', () => {
    expect(parseRegisterDate('2024-03-12')).toBe('2024-03-12');
    expect(parseRegisterDate('12/03/2024')).toBe('2024-03-12');
    expect(parseRegisterDate('5.3.2024')).toBe('2024-03-05');
    expect(parseRegisterDate('')).toBeNull();
    for (const bad of ['31/02/2024', '2024-13-01', '03/12/24', 'mars 2024', '12/03/1850']) {
      expect(parseRegisterDate(bad)).toBe('invalid');
    }
  });

  it('writes Togolese numbers in E.164 whatever their spacing', () => {
    for (const cell of [
      '90112233',
      '90 11 22 33',
      '90.11.22.33',
      '228 90 11 22 33',
      '0022890112233',
      '+228 90-11-22-33',
    ]) {
      expect(normalizePhone(cell)).toBe('+22890112233');
    }
    expect(normalizePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone('9011223')).toBe('invalid');
    expect(normalizePhone('tel: 90112233')).toBe('invalid');
  });

  it('matches headers in French or English, ignoring accents and case, and lists unread ones', () => {
    const map = mapRegisterColumns([
      'DATE DE RECEPTION',
      'category',
      'Canal',
      'Tranche d’âge',
      'Statut',
      'Village',
    ]);
    expect(map.index).toMatchObject({ receivedAt: 0, category: 1, channel: 2, ageGroup: 3, village: 5 });
    expect(map.missing).toEqual(['Type', 'Description']);
    expect(map.ignored).toEqual(['Statut']);
  });
});
