import { presentUnitRef } from '../../../platform/geo/presenter.js';
import type { ChainRow } from './chains-repo.js';
import type { CommitteeRow } from './committees-repo.js';
import type { RoutingPreview } from './preview.js';
import type { RuleRow } from './rules-repo.js';

export function presentCommittee(c: CommitteeRow) {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    unit: { id: c.unitId, code: c.unitCode, name: c.unitName, level: c.unitLevel },
    active: c.active,
    members: c.members.map((m) => ({ id: m.id, username: m.username, displayName: m.displayName })),
  };
}

export function presentChain(e: ChainRow) {
  return {
    id: e.id,
    // A chain's region is a live unit (foreign key): the joined code and name are there.
    region: e.regionId ? { id: e.regionId, code: e.regionCode ?? '', name: e.regionName ?? '' } : null,
    levels: e.levels,
  };
}

export function presentRule(r: RuleRow) {
  return {
    id: r.id,
    category: r.categoryCode,
    // Joined through foreign keys: the code, name and level are there whenever the id is.
    area: r.areaId
      ? { id: r.areaId, code: r.areaCode ?? '', name: r.areaName ?? '', level: r.areaLevel ?? '' }
      : null,
    handlingLevel: r.handlingLevel,
    committee: r.committeeId
      ? { id: r.committeeId, code: r.committeeCode ?? '', name: r.committeeName ?? '' }
      : null,
    assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName } : null,
    priority: r.priority,
    active: r.active,
  };
}

export function presentPreview(p: RoutingPreview) {
  return {
    rule: p.rule ? presentRule(p.rule) : null,
    handlingLevel: p.handlingLevel,
    handlingUnit: presentUnitRef(p.handlingUnit),
    assignee: p.assignee,
    candidates: p.candidates,
  };
}
