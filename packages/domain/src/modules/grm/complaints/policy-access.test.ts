import { describe, expect, it } from 'vitest';
import { childPath } from '../../../platform/geo.js';
import type { Actor } from '../../../platform/permissions.js';
import { referralDateIssues } from './case-access.js';
import {
  type ComplaintAccessView,
  canAct,
  canPublishSummary,
  canRecordReferral,
  canRevealIdentity,
  canSeeComplaint,
  canSeeOpenIdentity,
  canShareCase,
  mayBeAddedToCase,
  seesPublishedSummaryOnly,
} from './policy.js';

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
const sensitive = (over: Partial<ComplaintAccessView> = {}) =>
  kase({ sensitive: true, assigneeId: 'vbg', ...over });

describe('people added to a sensitive case', () => {
  const added = actor('added', ['focal_point'], [kara]);
  const peer = actor('peer', ['focal_point'], [kara]);

  it('lets an added person read and comment, nothing more, and a peer focal point still nothing', () => {
    const shared = sensitive({ sharedWith: ['added'] });
    expect(canSeeComplaint(added, shared)).toBe(true);
    expect(canSeeComplaint(added, sensitive())).toBe(false);
    expect(canSeeComplaint(peer, shared)).toBe(false);
    expect(canAct(added, shared, 'comment')).toBe(true);
    expect(canAct(added, shared, 'propose_resolution')).toBe(false);
    expect(canAct(added, shared, 'reassign')).toBe(false);
    // A facilitator role on top gives no field action on a sensitive case it was only added to.
    const both = actor('added', ['focal_point', 'facilitator'], [kara]);
    expect(canAct(both, shared, 'withdraw')).toBe(false);
  });

  it('does not let an added person see or reveal the identity', () => {
    const shared = sensitive({ sharedWith: ['added'] });
    expect(canRevealIdentity(added, shared)).toBe(false);
    expect(canSeeOpenIdentity(added, shared)).toBe(false);
    expect(canSeeOpenIdentity(actor('vbg', ['sensitive_focal_point'], [tg]), shared)).toBe(true);
  });

  it('lets only the assignee and the area sensitive focal points manage who is added, on sensitive cases only', () => {
    expect(canShareCase(actor('vbg', ['sensitive_focal_point'], [savanes]), sensitive())).toBe(true); // assignee
    expect(canShareCase(actor('vbg-2', ['sensitive_focal_point'], [tg]), sensitive())).toBe(true);
    expect(canShareCase(actor('vbg-3', ['sensitive_focal_point'], [savanes]), sensitive())).toBe(false);
    expect(canShareCase(added, sensitive({ sharedWith: ['added'] }))).toBe(false);
    expect(canShareCase(actor('officer', ['grm_officer'], [tg]), sensitive())).toBe(false);
    expect(canShareCase(actor('focal-kara', ['focal_point'], [kara]), kase())).toBe(false);
  });

  it('accepts only active case handlers of the area as added people', () => {
    const user = (roles: Actor['roles'], paths: string[], active = true) => ({
      ...actor('u', roles, paths),
      active,
    });
    expect(mayBeAddedToCase(user(['focal_point'], [kara]), sensitive())).toBe(true);
    expect(mayBeAddedToCase(user(['grm_officer'], [tg]), sensitive())).toBe(true);
    expect(mayBeAddedToCase(user(['focal_point'], [kara], false), sensitive())).toBe(false);
    expect(mayBeAddedToCase(user(['focal_point'], [savanes]), sensitive())).toBe(false);
    expect(mayBeAddedToCase(user(['supervisor', 'facilitator', 'analyst'], [tg]), sensitive())).toBe(false);
  });
});

describe('publication review', () => {
  const boss = actor('boss', ['supervisor'], [tg]);

  it('hides an unpublished case from wider staff, and shows them only the summary once published', () => {
    expect(canSeeComplaint(boss, kase())).toBe(false);
    expect(canSeeComplaint(boss, kase({ published: true }))).toBe(true);
    expect(seesPublishedSummaryOnly(boss, kase({ published: true }))).toBe(true);
    expect(canAct(boss, kase({ published: true }), 'comment')).toBe(false);
    expect(canSeeComplaint(actor('far', ['supervisor'], [savanes]), kase({ published: true }))).toBe(false);
    expect(canSeeComplaint(boss, sensitive({ published: true }))).toBe(false);
  });

  it('keeps the original for handlers, whatever other role they hold', () => {
    const focal = actor('x', ['focal_point', 'supervisor'], [kara]);
    expect(canSeeComplaint(focal, kase())).toBe(true);
    expect(seesPublishedSummaryOnly(focal, kase({ published: true }))).toBe(false);
    expect(
      seesPublishedSummaryOnly(actor('facilitator', ['facilitator'], []), kase({ published: true })),
    ).toBe(false);
  });

  it('lets the grievance officer of the area publish ordinary cases only', () => {
    expect(canPublishSummary(actor('officer', ['grm_officer'], [tg]), kase())).toBe(true);
    expect(canPublishSummary(actor('officer', ['grm_officer'], [savanes]), kase())).toBe(false);
    expect(canPublishSummary(actor('focal-kara', ['focal_point'], [kara]), kase())).toBe(false);
    expect(canPublishSummary(boss, kase({ published: true }))).toBe(false);
    expect(canPublishSummary(actor('vbg', ['sensitive_focal_point'], [tg]), sensitive())).toBe(false);
  });
});

describe('referrals to services', () => {
  it('may be recorded by whoever comments on the case, not by wider staff', () => {
    expect(
      canRecordReferral(actor('added', ['focal_point'], [kara]), sensitive({ sharedWith: ['added'] })),
    ).toBe(true);
    expect(canRecordReferral(actor('boss', ['supervisor'], [tg]), kase({ published: true }))).toBe(false);
    expect(canRecordReferral(actor('peer', ['focal_point'], [savanes]), kase())).toBe(false);
  });

  it('checks that dates are past or today and that an outcome follows the referral with its date', () => {
    const today = '2026-03-10';
    expect(referralDateIssues({ referredOn: '2026-03-10' }, today)).toEqual([]);
    expect(referralDateIssues({ referredOn: '2026-03-11' }, today)).toEqual([
      { path: 'referredOn', message: 'date_in_future' },
    ]);
    expect(
      referralDateIssues(
        { referredOn: '2026-03-05', outcome: 'Prise en charge', outcomeOn: '2026-03-04' },
        today,
      ),
    ).toEqual([{ path: 'outcomeOn', message: 'outcome_before_referral' }]);
    expect(
      referralDateIssues({ referredOn: '2026-03-05', outcome: 'Vu', outcomeOn: '2026-03-12' }, today),
    ).toEqual([{ path: 'outcomeOn', message: 'date_in_future' }]);
    expect(referralDateIssues({ referredOn: '2026-03-05', outcome: 'Vu' }, today)).toEqual([
      { path: 'outcomeOn', message: 'required' },
    ]);
  });
});
