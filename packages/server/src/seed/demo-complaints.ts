import type { ComplaintAction, CreateComplaintInput } from '@coso/domain';
import { type RequestContext, SYSTEM_CONTEXT } from '../context.js';
import type { Db } from '../db/driver.js';
import type { ComplaintService } from '../modules/grm/complaints/service.js';
import { toAuthUser } from '../platform/auth/service.js';
import { findUserById } from '../platform/users/repo.js';
import { DEMO_DESCRIPTIONS, DEMO_NAMES } from './demo-complaints-text.js';

/** Deterministic pseudo-random numbers, so every demo database tells the same story. */
function prng(seed: number) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

const CATEGORY_WEIGHTS = [
  ...Array(6).fill('works'),
  ...Array(3).fill('exclusion'),
  ...Array(3).fill('targeting'),
  ...Array(2).fill('payments'),
  ...Array(2).fill('conflicts'),
  ...Array(2).fill('safeguards'),
  ...Array(2).fill('other'),
  'corruption',
  'gbv_sea',
  'other_programme',
];
const CHANNELS = [
  'in_person',
  'in_person',
  'in_person',
  'hotline',
  'hotline',
  'suggestion_box',
  'community_meeting',
  'sms',
  'letter',
];

// How far each demo case has gone, cycling: most cases are still being handled, as in a real register.
const PROGRESS: ComplaintAction[][] = [
  [],
  [{ action: 'acknowledge' }],
  [{ action: 'acknowledge' }, { action: 'start' }],
  [
    { action: 'acknowledge' },
    { action: 'start' },
    {
      action: 'propose_resolution',
      resolution:
        'Une mission de vérification a eu lieu ; la correction sera faite par l’entreprise sous deux semaines.',
    },
  ],
  [
    { action: 'acknowledge' },
    { action: 'start' },
    {
      action: 'propose_resolution',
      resolution: 'Le comité a rencontré les parties et un accord a été trouvé.',
    },
    { action: 'record_answer', answer: 'accepted', appeal: false, satisfaction: 4 },
  ],
];

/** About sixty plausible cases across the northern villages, at every stage of the lifecycle. */
export async function seedDemoComplaints(db: Db, complaints: ComplaintService, count = 60): Promise<number> {
  const villages = await db.query<{ id: string; name: string; code: string }>(
    `select v.id, v.name, v.code from geo_units v join geo_units r on v.path like r.path || '%'
      where v.level = 'village' and r.level = 'region' and r.code in ('TG-S', 'TG-K', 'TG-C') order by v.code`,
  );
  if (villages.length === 0) return 0;
  // Cases whose category needs meeting minutes stop before the resolution: the demo has no minutes to attach.
  const needMinutes = new Set(
    (
      await db.query<{ code: string }>(
        `select code from reference_items where list = 'category' and requires_minutes`,
      )
    ).map((r) => r.code),
  );
  // Every eighth case comes from the canton of the demo facilitator, so the field app shows cases there.
  const lama = villages.filter((v) => /^TG-K-KOZ-1-LAM-00[234]/.test(v.code));
  const rnd = prng(2027);
  for (let i = 0; i < count; i++) {
    const village = i % 8 === 0 && lama.length > 0 ? rnd.pick(lama) : rnd.pick(villages);
    const category = rnd.pick(CATEGORY_WEIGHTS) as string;
    const anonymous = category === 'gbv_sea' || rnd.next() < 0.3;
    const input: CreateComplaintInput = {
      type: category === 'other' ? rnd.pick(['question', 'suggestion', 'appreciation']) : 'complaint',
      category,
      channel: rnd.pick(CHANNELS),
      description: rnd.pick(DEMO_DESCRIPTIONS[category]!).replace('{village}', village.name),
      incidentDate: new Date(Date.now() - (10 + i) * 86_400_000).toISOString().slice(0, 10),
      ongoing: rnd.next() < 0.3,
      recurring: false,
      villageId: village.id,
      receivedAt: new Date(Date.now() - (60 - i) * 12 * 3_600_000).toISOString(),
      complainant: {
        anonymous,
        ...(anonymous
          ? {}
          : { name: rnd.pick(DEMO_NAMES), phone: `+22890${String(100000 + i * 7919).slice(-6)}` }),
        confidential: rnd.next() < 0.5,
        // Identified demo complainants agreed to SMS: the demo outbox then shows complainant messages.
        notifyConsent: !anonymous,
        kind: 'individual',
        gender: rnd.pick(['female', 'male', 'female', 'male', 'undisclosed']),
        ageGroup: rnd.pick(['18_35', '18_35', '36_60', 'over_60']),
        vulnerabilities:
          rnd.next() < 0.3 ? [rnd.pick(['youth', 'woman_head_household', 'disability', 'elderly'])] : [],
      },
    };
    const created = await complaints.create(SYSTEM_CONTEXT, input, 'staff');
    if (!created.assigneeId) continue;
    const assignee = await findUserById(db, created.assigneeId);
    const ctx: RequestContext & { actor: NonNullable<RequestContext['actor']> } = {
      actor: toAuthUser(assignee!),
      ip: null,
    };
    const steps = PROGRESS[i % PROGRESS.length]!;
    for (const action of needMinutes.has(category) ? steps.slice(0, 2) : steps) {
      await complaints.act(ctx, created.id, action);
    }
  }
  return count;
}
