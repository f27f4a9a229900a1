import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../platform/permissions.js';
import type { Role } from '../../../platform/roles.js';
import { mayHandleCase } from './assignment.js';
import type { ComplaintAccessView } from './policy.js';
import { canAct, canRecategorise, canSeeAttachments } from './policy.js';

const COUNTRY = '/tg/';
const KARA = '/tg/kara/';
const KOZAH = '/tg/kara/kozah/';
const VILLAGE = '/tg/kara/kozah/lama/v1/';

const person = (id: string, roles: Role[], paths: string[]): Actor => ({
  id,
  roles,
  jurisdictions: paths.map((path, i) => ({ unitId: `${id}-${i}`, path })),
});
const focal = person('focal', ['focal_point'], [KARA]);
const national = person('national', ['grm_officer'], [COUNTRY]);
const prefecture = person('prefecture', ['focal_point'], [KOZAH]);
const vbg = person('vbg', ['sensitive_focal_point'], [COUNTRY]);
const supervisor = person('supervisor', ['supervisor'], [COUNTRY]);
const facilitator = person('facilitator', ['facilitator'], [VILLAGE]);
const analyst = person('analyst', ['analyst'], [COUNTRY]);

const regional: ComplaintAccessView = {
  sensitive: false,
  areaPath: VILLAGE,
  status: 'received',
  assigneeId: 'focal',
  recordedBy: 'facilitator',
  handlingUnitPath: KARA,
};

describe('who may handle a case at its level', () => {
  it('is a handling role over the handling unit, never wider staff or a smaller area', () => {
    expect(mayHandleCase(focal, regional)).toBe(true);
    expect(mayHandleCase(national, regional)).toBe(true);
    for (const a of [prefecture, vbg, supervisor, facilitator, analyst])
      expect(mayHandleCase(a, regional), a.id).toBe(false);
    expect(mayHandleCase({ ...focal, active: false }, regional)).toBe(false);
    const sensitive = { ...regional, sensitive: true, handlingUnitPath: COUNTRY };
    expect(mayHandleCase(vbg, sensitive)).toBe(true);
    expect(mayHandleCase(national, sensitive)).toBe(false);
  });

  it('fails closed when the handling unit is unknown', () => {
    const { handlingUnitPath: _, ...unknown } = regional;
    expect(mayHandleCase(national, unknown)).toBe(false);
    expect(canAct(national, unknown, 'take_over')).toBe(false);
  });

  it('offers take over to an eligible handler who does not hold the case, on an open case', () => {
    expect(canAct(national, regional, 'take_over')).toBe(true);
    expect(canAct(focal, regional, 'take_over')).toBe(false);
    expect(canAct(prefecture, regional, 'take_over')).toBe(false);
    expect(canAct(national, { ...regional, status: 'closed' }, 'take_over')).toBe(false);
  });
});

describe('recategorise', () => {
  it('belongs to the assignee and the supervising role; the reverse of sensitive to the sensitive focal point', () => {
    expect(canRecategorise(focal, regional, true)).toBe(true);
    expect(canRecategorise(national, regional, false)).toBe(true);
    for (const a of [facilitator, supervisor, prefecture])
      expect(canRecategorise(a, { ...regional, published: true }, true), a.id).toBe(false);
    const sensitive = { ...regional, sensitive: true, assigneeId: 'national', handlingUnitPath: COUNTRY };
    expect(canRecategorise(national, sensitive, true)).toBe(true);
    expect(canRecategorise(national, sensitive, false)).toBe(false);
    expect(canRecategorise(vbg, sensitive, false)).toBe(true);
  });
});

describe('attachments', () => {
  it('are for readers of the original case, not of its published summary', () => {
    expect(canSeeAttachments(focal, regional)).toBe(true);
    expect(canSeeAttachments(facilitator, regional)).toBe(true);
    expect(canSeeAttachments(supervisor, { ...regional, published: true })).toBe(false);
    expect(canSeeAttachments(supervisor, regional)).toBe(false);
  });
});
