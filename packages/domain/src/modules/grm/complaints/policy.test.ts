import { describe, expect, it } from 'vitest';
import { childPath } from '../../../platform/geo.js';
import type { Actor } from '../../../platform/permissions.js';
import { type ComplaintAccessView, canAct, canSeeComplaint } from './policy.js';
import { matchRoutingRule, nextLevel, pickHandler, type RoutingRule } from './routing.js';

const tg = childPath(null, 'tg');
const kara = childPath(tg, 'kara');
const savanes = childPath(tg, 'savanes');
const village = childPath(childPath(kara, 'kozah'), 'v1');

const actor = (id: string, roles: Actor['roles'], paths: string[]): Actor => ({
  id,
  roles,
  jurisdictions: paths.map((path) => ({ unitId: path, path })),
});
const kase = (over: Partial<ComplaintAccessView> = {}): ComplaintAccessView => ({
  sensitive: false,
  areaPath: village,
  status: 'received',
  assigneeId: 'focal-kara',
  recordedBy: 'facilitator',
  ...over,
});

describe('complaint access policy', () => {
  it('keeps each area to its own focal points', () => {
    expect(canSeeComplaint(actor('x', ['focal_point'], [kara]), kase())).toBe(true);
    expect(canSeeComplaint(actor('y', ['focal_point'], [savanes]), kase())).toBe(false);
    expect(canSeeComplaint(actor('z', ['analyst', 'cdd_specialist'], [tg]), kase())).toBe(false);
  });

  it('shows sensitive cases only to the assignee and sensitive-case focal points, not to who recorded them', () => {
    const sensitive = kase({ sensitive: true, assigneeId: 'vbg' });
    expect(canSeeComplaint(actor('vbg', ['sensitive_focal_point'], [tg]), sensitive)).toBe(true);
    expect(canSeeComplaint(actor('other-vbg', ['sensitive_focal_point'], [tg]), sensitive)).toBe(true);
    expect(canSeeComplaint(actor('facilitator', ['facilitator'], [kara]), sensitive)).toBe(false);
    expect(canSeeComplaint(actor('officer', ['grm_officer'], [tg]), sensitive)).toBe(false);
  });

  it('lets the assignee and the national officer act, a facilitator relay answers, a supervisor only read', () => {
    const proposed = kase({ status: 'resolution_proposed' });
    expect(canAct(actor('focal-kara', ['focal_point'], [kara]), proposed, 'record_answer')).toBe(true);
    expect(canAct(actor('officer', ['grm_officer'], [tg]), proposed, 'escalate')).toBe(false);
    expect(canAct(actor('officer', ['grm_officer'], [tg]), proposed, 'declare_unresolved')).toBe(true);
    expect(canAct(actor('facilitator', ['facilitator'], [kara]), proposed, 'record_answer')).toBe(true);
    expect(canAct(actor('facilitator', ['facilitator'], [kara]), proposed, 'declare_unresolved')).toBe(false);
    expect(canAct(actor('boss', ['supervisor'], [tg]), proposed, 'comment')).toBe(false);
    expect(canAct(actor('peer', ['focal_point'], [kara]), proposed, 'comment')).toBe(true);
    expect(canAct(actor('peer', ['focal_point'], [kara]), proposed, 'record_answer')).toBe(false);
    expect(canAct(actor('focal-kara', ['focal_point'], [kara]), proposed, 'acknowledge')).toBe(false);
  });
});

describe('routing', () => {
  const rule = (over: Partial<RoutingRule>): RoutingRule => ({
    id: 'r',
    categoryCode: null,
    areaPath: null,
    handlingLevel: 'region',
    committeeId: null,
    assigneeId: null,
    priority: 0,
    ...over,
  });

  it('prefers the named category, then the smallest area, then the priority', () => {
    const rules = [
      rule({ id: 'default' }),
      rule({ id: 'kara', areaPath: kara, handlingLevel: 'canton' }),
      rule({ id: 'gbv', categoryCode: 'gbv', handlingLevel: 'country' }),
      rule({ id: 'savanes', areaPath: savanes }),
      rule({ id: 'kara-high', areaPath: kara, priority: 5 }),
    ];
    expect(matchRoutingRule(rules, 'works', village)?.id).toBe('kara-high');
    expect(matchRoutingRule(rules, 'gbv', village)?.id).toBe('gbv');
    expect(matchRoutingRule(rules, 'works', childPath(tg, 'centrale'))?.id).toBe('default');
    expect(matchRoutingRule([rule({ id: 's', areaPath: savanes })], 'works', village)).toBeUndefined();
  });

  it('picks the least loaded handler, ties by id', () => {
    expect(
      pickHandler([
        { userId: 'b', openCases: 2 },
        { userId: 'a', openCases: 3 },
        { userId: 'c', openCases: 2 },
      ]),
    ).toBe('b');
    expect(pickHandler([])).toBeNull();
  });

  it('climbs the escalation chain and stops at the top', () => {
    // Ranks count down from the village (5) to the country (0), as in geo_levels.
    const rank = (l: string) =>
      ['country', 'region', 'prefecture', 'commune', 'canton', 'village'].indexOf(l);
    const chain = ['village', 'canton', 'region', 'country'];
    expect(nextLevel(chain, 'canton', rank)).toBe('region');
    expect(nextLevel(chain, 'commune', rank)).toBe('region');
    expect(nextLevel(chain, 'country', rank)).toBeNull();
  });
});
