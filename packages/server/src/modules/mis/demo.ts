import { Readable } from 'node:stream';
import { type CreateSubprojectInput, togoDate } from '@coso/domain';
import sharp from 'sharp';
import type { AuthUser } from '../../context.js';
import type { Db } from '../../db/driver.js';
import { withFileHooks } from '../../lib/file-hooks.js';
import { toAuthUser } from '../../platform/auth/service.js';
import type { PlatformContext } from '../../platform/module.js';
import { findUserById } from '../../platform/users/repo.js';
import { COSO_MIS_LISTS } from './reference.js';
import { createSubprojectService, type SubprojectService } from './subprojects/service.js';

/**
 * A living MIS for `npm start` (issue #16): 30 sub-projects over villages and cantons of Kara, Savanes and
 * Centrale, of various sectors, each taken through the service as the specialist would — events dated over the
 * fourteen months before the seeding that obey the progress rule, works contracts once the contract is signed,
 * photos of the works, planned beneficiaries. Does nothing when sub-projects exist or the specialist's account is missing.
 */

type Kind = Pick<CreateSubprojectInput, 'component' | 'sector' | 'type' | 'attributes'> & {
  title: string;
  cost: number;
  canton?: boolean;
};

const KINDS: Kind[] = [
  {
    title: 'Module de 3 salles de classe',
    component: '1.1',
    sector: 'education',
    type: 'school_primary',
    cost: 38_500_000,
    attributes: { classrooms: 3 },
  },
  {
    title: 'Forage photovoltaïque',
    component: '1.1',
    sector: 'water',
    type: 'solar_borehole_drinking',
    cost: 24_000_000,
    attributes: { depth_m: 72, flow_m3h: 4.5 },
  },
  {
    title: 'Unité de soins périphérique',
    component: '1.1',
    sector: 'health',
    type: 'health_usp',
    cost: 52_000_000,
    attributes: {},
  },
  {
    title: 'Marché cantonal (hangars)',
    component: '1.2a',
    sector: 'economy',
    type: 'market',
    cost: 65_000_000,
    attributes: {},
    canton: true,
  },
  {
    title: 'Pompe à motricité humaine',
    component: '1.1',
    sector: 'water',
    type: 'hand_pump',
    cost: 9_800_000,
    attributes: {},
  },
  {
    title: 'Latrines scolaires',
    component: '1.1',
    sector: 'education',
    type: 'school_latrines',
    cost: 7_200_000,
    attributes: { latrine_blocks: 1, latrine_cabins: 4 },
  },
  {
    title: 'Piste rurale',
    component: '1.1',
    sector: 'transport',
    type: 'rural_track',
    cost: 88_000_000,
    attributes: {},
    canton: true,
  },
  {
    title: 'Centre des jeunes',
    component: '1.3',
    sector: 'community',
    type: 'youth_centre',
    cost: 41_000_000,
    attributes: {},
  },
  {
    title: 'Magasin de stockage',
    component: '1.2b',
    sector: 'economy',
    type: 'storage_warehouse',
    cost: 18_500_000,
    attributes: {},
  },
  {
    title: 'Paillote communautaire',
    component: '1.1',
    sector: 'community',
    type: 'paillote',
    cost: 4_500_000,
    attributes: {},
  },
];

/** Where each sub-project stops, then the road there (works steps carry the % reached). */
const TARGETS = [
  'identified',
  'approved',
  'tender_launched',
  'company_selected',
  'contract_signed',
  'site_handover',
  'works_30',
  'works_60',
  'works_85',
  'completed',
  'technical_acceptance',
  'provisional_acceptance',
  'community_handover',
  'final_acceptance',
  'not_approved',
  'interrupted',
  'abandoned',
];
const ROAD = [
  'approved',
  'tender_launched',
  'company_selected',
  'contract_signed',
  'site_handover',
  'works_30',
  'works_60',
  'works_85',
  'works_100',
  'completed',
  'technical_acceptance',
  'provisional_acceptance',
  'community_handover',
  'final_acceptance',
];

/** The steps to record after `identified` to reach `target`. */
function stepsTo(target: string): string[] {
  if (target === 'identified') return [];
  if (target === 'not_approved') return ['not_approved'];
  if (target === 'abandoned') return ['approved', 'tender_launched', 'abandoned'];
  if (target === 'interrupted') return [...ROAD.slice(0, ROAD.indexOf('works_60') + 1), 'interrupted'];
  return ROAD.slice(0, ROAD.indexOf(target) + 1);
}

const DAY = 86_400_000;
const thousands = (n: number) => Math.floor(n / 1000) * 1000;

export async function seedDemoMis(db: Db, context: PlatformContext): Promise<boolean> {
  if ((await db.query('select 1 from mis_subprojects limit 1')).length > 0) return false;
  const [row] = await db.query<{ id: string }>(`select id from users where username = 'specialiste.infra'`);
  const user = row && (await findUserById(db, row.id));
  const places = await demoPlaces(db);
  if (!user || places.length === 0) return false;
  // The demo's history ends before today whenever it is seeded: it starts 14 months back.
  const start = Date.parse(`${togoDate(new Date(Date.now() - 420 * DAY))}T09:00:00Z`);
  const clock = { at: new Date(start), now: () => new Date(clock.at) };
  const run: Run = {
    service: createSubprojectService({ ...context, clock, lists: COSO_MIS_LISTS }),
    uploads: context.uploads,
    by: { actor: toAuthUser(user), ip: null },
    clock,
    photo: await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 150, g: 120, b: 80 } },
    })
      .jpeg()
      .toBuffer(),
  };
  for (let i = 0; i < 30; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const place = places[(i * 7) % places.length]!;
    clock.at = new Date(start + i * 3 * DAY);
    const people = 300 + ((i * 137) % 900);
    const created = await run.service.create(run.by, {
      ...(kind.canton ? { cantonId: place.cantonId } : { villageId: place.villageId }),
      title: `${kind.title} — ${kind.canton ? place.cantonName : place.villageName}`,
      component: kind.component,
      sector: kind.sector,
      type: kind.type,
      estimatedCost: kind.cost + thousands(i * 250_000),
      ...(kind.attributes ? { attributes: kind.attributes } : {}),
      ...(kind.canton ? { beneficiaryVillageIds: place.cantonVillageIds.slice(0, 4) } : {}),
      beneficiaries: {
        direct: {
          men: Math.round(people * 0.48),
          women: Math.round(people * 0.52),
          youth: Math.round(people * 0.3),
        },
        indirect: { men: people, women: people + 40, youth: Math.round(people * 0.6) },
      },
      ...(place.latitude !== null && place.longitude !== null
        ? { latitude: place.latitude + 0.002, longitude: place.longitude - 0.002 }
        : {}),
    });
    await progress(run, created.id, stepsTo(TARGETS[i % TARGETS.length]!), created.estimatedCost, i);
  }
  return true;
}

interface Run {
  service: SubprojectService;
  uploads: PlatformContext['uploads'];
  by: { actor: AuthUser; ip: null };
  clock: { at: Date };
  photo: Buffer;
}

const COMPANIES = ['BTP Kozah SARL', 'Entreprise Lama Construction', 'Savanes Bâtiment', 'EGT Centrale'];

interface Place {
  villageId: string;
  villageName: string;
  cantonId: string;
  cantonName: string;
  cantonVillageIds: string[];
  latitude: number | null;
  longitude: number | null;
}

/** Villages of the demo's Kara, Savanes and Centrale cantons, regions interleaved. */
async function demoPlaces(db: Db): Promise<Place[]> {
  const rows = await db.query<Place & { region: string }>(
    `select v.id as "villageId", v.name as "villageName", c.id as "cantonId", c.name as "cantonName",
            array(select x.id::text from geo_units x where x.parent_id = c.id and x.level = 'village'
                   order by x.name, x.id) as "cantonVillageIds",
            v.latitude, v.longitude, r.code as region
       from geo_units v join geo_units c on c.id = v.parent_id and c.level = 'canton'
       join geo_units r on r.level = 'region' and v.path like r.path || '%'
      where v.level = 'village' and r.code in ('TG-K', 'TG-S', 'TG-C')
      order by c.code, v.name, v.id`,
  );
  const byRegion = ['TG-K', 'TG-S', 'TG-C'].map((code) => rows.filter((r) => r.region === code));
  const out: Place[] = [];
  for (let i = 0; out.length < rows.length; i++) for (const list of byRegion) if (list[i]) out.push(list[i]!);
  return out;
}

/** Records `steps` a week or two apart; works steps with their %, the FCFA spent and a photo of the site. */
async function progress(run: Run, id: string, steps: string[], estimatedCost: number, i: number) {
  const { service, uploads, by, clock, photo } = run;
  const contract = thousands(estimatedCost * 0.94);
  let spent = 0;
  for (const [n, code] of steps.entries()) {
    clock.at = new Date(clock.at.getTime() + (10 + ((n * 5) % 11)) * DAY);
    const date = togoDate(clock.at);
    const percent = code.startsWith('works_') ? Number(code.slice(6)) : undefined;
    const amount = percent === undefined ? undefined : thousands((contract * percent) / 100) - spent;
    spent += amount ?? 0;
    const fileIds: string[] = [];
    if (percent !== undefined) {
      const uploadId = await uploads.create(by.actor, {
        length: photo.length,
        filename: 'chantier.jpg',
        declaredType: 'image/jpeg',
      });
      await uploads.append(by.actor, uploadId, 0, Readable.from(photo), photo.length);
      fileIds.push(uploadId);
    }
    const event = {
      step: percent === undefined ? code : 'works_in_progress',
      date,
      ...(percent === undefined ? {} : { progressPercent: percent, amountSpent: amount!, fileIds }),
      note: percent === undefined ? '' : `Avancement constaté sur site : ${percent} %`,
    };
    await withFileHooks(
      (hooks) => service.recordEvent(by, id, event, hooks),
      () => {},
    );
    if (code === 'contract_signed')
      await service.addContract(by, id, {
        kind: 'works',
        company: COMPANIES[i % COMPANIES.length]!,
        reference: `ANADEB/COSO/2026/${String(i + 1).padStart(3, '0')}`,
        amount: contract,
        signedOn: date,
        startsOn: togoDate(new Date(clock.at.getTime() + 14 * DAY)),
        endsOn: togoDate(new Date(clock.at.getTime() + 180 * DAY)),
      });
  }
}
