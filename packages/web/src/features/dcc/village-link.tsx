import type { TaskLevel } from '@coso/domain';
import { Link } from 'wouter';

/** A unit's name; a village's links to its full file (`/dcc/villages/:id`). */
export function UnitName(p: { unitId: string; level: TaskLevel; name: string | null | undefined }) {
  const name = p.name ?? p.unitId;
  return p.level === 'village' ? <Link href={villageFileHref(p.unitId)}>{name}</Link> : name;
}

export const villageFileHref = (villageId: string) => `/dcc/villages/${villageId}`;
