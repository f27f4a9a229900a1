import { describe, expect, it } from 'vitest';
import { childPath } from '../../../platform/geo.js';
import type { Actor } from '../../../platform/permissions.js';
import { type ComplaintAccessView, canRevealIdentity, canSeeOpenIdentity } from './policy.js';

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
  status: 'in_progress',
  assigneeId: 'focal-kara',
  recordedBy: 'facilitator',
  ...over,
});

describe('identity policy', () => {
  it('lets the assignee and the supervising officer of the area reveal an ordinary case identity', () => {
    expect(canRevealIdentity(actor('focal-kara', ['focal_point'], [kara]), kase())).toBe(true);
    expect(canRevealIdentity(actor('officer', ['grm_officer'], [tg]), kase())).toBe(true);
    expect(canRevealIdentity(actor('officer', ['grm_officer'], [savanes]), kase())).toBe(false);
  });

  it('refuses peers, facilitators, supervisors and people outside the case', () => {
    expect(canRevealIdentity(actor('peer', ['focal_point'], [kara]), kase())).toBe(false);
    expect(canRevealIdentity(actor('facilitator', ['facilitator'], [kara]), kase())).toBe(false);
    expect(canRevealIdentity(actor('boss', ['supervisor'], [tg]), kase())).toBe(false);
    expect(canRevealIdentity(actor('vbg', ['sensitive_focal_point'], [tg]), kase())).toBe(false);
    // Assigned but without a role that may see identities (e.g. a role was withdrawn since).
    expect(canRevealIdentity(actor('focal-kara', ['facilitator'], [kara]), kase())).toBe(false);
  });

  it('on a sensitive case, only the assignee and the sensitive-case focal points of the area', () => {
    const sensitive = kase({ sensitive: true, assigneeId: 'vbg' });
    expect(canRevealIdentity(actor('vbg', ['sensitive_focal_point'], [tg]), sensitive)).toBe(true);
    expect(canRevealIdentity(actor('vbg-2', ['sensitive_focal_point'], [tg]), sensitive)).toBe(true);
    expect(canRevealIdentity(actor('officer', ['grm_officer'], [tg]), sensitive)).toBe(false);
    expect(canRevealIdentity(actor('vbg-3', ['sensitive_focal_point'], [savanes]), sensitive)).toBe(false);
  });

  it('shows an open identity in the case file to case handlers, not to read-only supervisors', () => {
    const closed = kase({ status: 'closed' });
    expect(canSeeOpenIdentity(actor('peer', ['focal_point'], [kara]), closed)).toBe(true);
    expect(canSeeOpenIdentity(actor('facilitator', ['facilitator'], [kara]), kase())).toBe(true);
    expect(canSeeOpenIdentity(actor('boss', ['supervisor'], [tg]), kase())).toBe(false);
    expect(canSeeOpenIdentity(actor('other', ['focal_point'], [savanes]), kase())).toBe(false);
  });
});
