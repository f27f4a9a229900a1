import type { VillageGroupRow } from './groups-repo.js';
import type { GeoUnitRow } from './repo.js';

export const presentUnitRef = (u: GeoUnitRow) => ({ id: u.id, code: u.code, name: u.name, level: u.level });

export const presentUnitItem = (u: GeoUnitRow) => ({
  ...presentUnitRef(u),
  parentId: u.parentId,
  childCount: u.childCount,
});

export function presentUnit(u: GeoUnitRow, ancestors: GeoUnitRow[]) {
  return {
    ...presentUnitItem(u),
    altNames: u.altNames,
    border: u.border,
    rural: u.rural,
    latitude: u.latitude,
    longitude: u.longitude,
    ancestors: ancestors.map(presentUnitRef),
  };
}

export function presentGroup(g: VillageGroupRow) {
  return {
    id: g.id,
    kind: g.kind,
    code: g.code,
    name: g.name,
    cantonId: g.cantonId,
    cantonName: g.cantonName,
    headquartersVillageId: g.headquartersVillageId,
    villages: g.villages,
  };
}
