import { describe, expect, it } from 'vitest';
import type { Actor } from './permissions.js';
import { areaRowKinds, holdsWholeAreaGrant, isVisible, type VisibilityDefinition } from './visibility.js';

/** A second, made-up entity: no restricted column, an owner, a flag, area grants by role and for anyone. */
const NOTES: VisibilityDefinition = {
  entity: 'notes',
  columns: { id: 'id', areaPath: 'area_path', owner: 'owner_id', flags: { shared: 'shared_at' } },
  audiences: {
    read: [
      { to: { kind: 'owner' }, rows: 'any' },
      { to: { kind: 'area', roles: ['facilitator'] }, rows: 'ordinary' },
      { to: { kind: 'area', roles: ['supervisor'] }, rows: 'any', when: 'shared', summaryOnly: true },
    ],
    device: [{ to: { kind: 'owner' }, rows: 'any' }],
    dataset: [],
    count: [{ to: { kind: 'area', roles: 'any' }, rows: 'ordinary' }],
  },
};

const actor = (id: string, roles: Actor['roles'], paths: string[]): Actor => ({
  id,
  roles,
  jurisdictions: paths.map((path, i) => ({ unitId: `u${i}`, path })),
});
const note = (
  over: Partial<{ ownerId: string | null; areaPath: string; shared: boolean; restricted: boolean }>,
) => ({
  areaPath: over.areaPath ?? '/tg/k/',
  ownerId: over.ownerId ?? null,
  ...(over.restricted === undefined ? {} : { restricted: over.restricted }),
  flags: { shared: over.shared === true },
});

describe('isVisible', () => {
  it('an owner sees their row anywhere; nobody else through an owner grant, not even with no owner', () => {
    expect(isVisible(NOTES, 'read', actor('me', [], []), note({ ownerId: 'me', areaPath: '/x/' }))).toBe(
      true,
    );
    expect(isVisible(NOTES, 'read', actor('me', [], []), note({ ownerId: null }))).toBe(false);
  });

  it('an area grant needs the role and a jurisdiction containing the row', () => {
    const fac = actor('f', ['facilitator'], ['/tg/k/']);
    expect(isVisible(NOTES, 'read', fac, note({ areaPath: '/tg/k/v1/' }))).toBe(true);
    expect(isVisible(NOTES, 'read', fac, note({ areaPath: '/tg/s/v1/' }))).toBe(false);
    expect(isVisible(NOTES, 'read', actor('a', ['analyst'], ['/tg/']), note({}))).toBe(false);
  });

  it('ordinary rows are every row of an entity without a restricted column; restricted ones are none', () => {
    const fac = actor('f', ['facilitator'], ['/tg/']);
    expect(isVisible(NOTES, 'read', fac, note({}))).toBe(true);
    expect(isVisible(NOTES, 'read', fac, note({ restricted: true }))).toBe(false);
  });

  it('a flag is required when the grant says so; summary-only grants are left out of wholeOnly', () => {
    const sup = actor('s', ['supervisor'], ['/tg/']);
    expect(isVisible(NOTES, 'read', sup, note({ shared: false }))).toBe(false);
    expect(isVisible(NOTES, 'read', sup, note({ shared: true }))).toBe(true);
    expect(isVisible(NOTES, 'read', sup, note({ shared: true }), { wholeOnly: true })).toBe(false);
    expect(holdsWholeAreaGrant(NOTES, 'read', sup)).toBe(false);
    expect(holdsWholeAreaGrant(NOTES, 'read', actor('f', ['facilitator'], []))).toBe(true);
  });

  it('counts: an area grant for any role covers whoever holds a jurisdiction', () => {
    expect(isVisible(NOTES, 'count', actor('x', [], ['/tg/']), note({}))).toBe(true);
    expect([...areaRowKinds(NOTES, 'count', actor('x', ['analyst'], ['/tg/']))]).toEqual(['ordinary']);
  });
});
