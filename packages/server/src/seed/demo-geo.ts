import { randomUUID } from 'node:crypto';
import { childPath } from '@coso/domain';
import type { Queryable } from '../db/driver.js';
import { upsertGroup } from '../platform/geo/groups-repo.js';
import { insertUnit } from '../platform/geo/repo.js';

interface Place {
  code: string;
  name: string;
  latitude?: number;
  longitude?: number;
  border?: boolean;
  rural?: boolean;
}
interface Cvd {
  code: string;
  name: string;
  headquarters: string;
  villages: string[];
}
interface Canton extends Place {
  villages: Place[];
  cvds: Cvd[];
}
interface Commune extends Place {
  cantons: Canton[];
}
interface Prefecture extends Place {
  communes: Commune[];
}
interface Region extends Place {
  prefectures: Prefecture[];
}
interface GeoDemo {
  country: Place;
  regions: Region[];
}

async function loadDemoGeo(): Promise<GeoDemo> {
  return (await import('./geo-demo.json', { with: { type: 'json' } })).default as GeoDemo;
}

/**
 * Togo's 5 regions and 39 prefectures, and a realistic (not official) set of communes, cantons, villages and
 * CVDs in Savanes, Kara and Centrale. Runs inside the caller's transaction.
 */
export async function seedDemoGeography(tx: Queryable): Promise<void> {
  const data = await loadDemoGeo();
  const ids = new Map<string, string>();
  const add = async (place: Place, level: string, parent: { id: string; path: string } | null) => {
    const id = randomUUID();
    const path = childPath(parent?.path ?? null, id);
    await insertUnit(tx, {
      id,
      path,
      level,
      parentId: parent?.id ?? null,
      code: place.code,
      name: place.name,
      altNames: [],
      border: place.border ?? false,
      rural: place.rural ?? null,
      latitude: place.latitude ?? null,
      longitude: place.longitude ?? null,
    });
    ids.set(place.code, id);
    return { id, path };
  };
  const country = await add(data.country, 'country', null);
  for (const region of data.regions) {
    const r = await add(region, 'region', country);
    for (const prefecture of region.prefectures) {
      const p = await add(prefecture, 'prefecture', r);
      for (const commune of prefecture.communes) {
        const c = await add(commune, 'commune', p);
        for (const canton of commune.cantons) {
          const k = await add(canton, 'canton', c);
          for (const village of canton.villages) await add(village, 'village', k);
          for (const cvd of canton.cvds) {
            await upsertGroup(tx, {
              id: randomUUID(),
              kind: 'cvd',
              code: cvd.code,
              name: cvd.name,
              cantonId: k.id,
              headquartersVillageId: ids.get(cvd.headquarters) ?? null,
              villageIds: cvd.villages.map((code) => ids.get(code)!),
            });
          }
        }
      }
    }
  }
}
