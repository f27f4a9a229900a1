// Submissions of the meeting form (forms.mjs), generated from a fixed seed: mostly valid, a share broken in
// one or two ways a phone or a hand-made request could (a missing answer, a count out of range, a bad phone
// number, too many topics, an unknown choice, a wrong type, a child too young in the committee, a report
// dated before the meeting). Each comes with the fields the generator broke, to check the validators against.
import { INVENTORY, MEETING_CHOICES, rng } from './forms.mjs';

const VILLAGES = ['Lama-Tessi', 'Kpindi', 'Sarakawa', 'Dapaong', 'Nano', 'Tami', 'Korbongou', 'Pya'];
const NAMES = ['Essozimna', 'Abla', 'Kodjo', 'Mawuli', 'Afi', 'Komlan', 'Ama', 'Yawa', 'Lamboni', 'Sama'];
const names = (name) => MEETING_CHOICES[name].map((c) => c.name);
const pad = (n) => String(n).padStart(2, '0');

function valid(r) {
  const a = {};
  a.village = r.pick(VILLAGES);
  const month = r.int(1, 11);
  const day = r.int(1, 27);
  a.meeting_date = `2026-${pad(month)}-${pad(day)}`;
  if (r.chance(0.8)) a.report_date = `2026-${pad(month)}-${pad(r.int(day, 28))}`;
  a.meeting_type = r.pick(names('meeting_type'));
  if (a.meeting_type === 'autre') a.meeting_type_other = 'Visite du préfet';
  const start = r.int(7, 14);
  a.start_time = `${pad(start)}:${pad(r.int(0, 59))}`;
  a.end_time = `${pad(start + r.int(1, 4))}:${pad(r.int(0, 59))}`;
  a.facilitator = r.pick(NAMES);
  if (r.chance(0.8)) a.facilitator_phone = String(r.int(90000000, 99999999));
  for (const k of ['women_le35', 'women_gt35', 'men_le35', 'men_gt35']) a[k] = r.int(0, 120);
  const total = a.women_le35 + a.women_gt35 + a.men_le35 + a.men_gt35;
  a.total = String(total);
  a.women_share = String(total > 0 ? Math.round(((a.women_le35 + a.women_gt35) * 1000) / total) / 10 : 0);
  a.quorum = r.chance(0.8);
  const topics = names('topics');
  a.topics = [...new Set([r.pick(topics), r.pick(topics), r.pick(topics)])];
  if (a.topics.includes('autre')) a.topics_other = 'Clôture du cimetière';
  if (r.chance(0.9)) a.priority = r.pick(names('priority'));
  a.budget = r.int(0, 50) * 100_000;
  if (r.chance(0.8)) a.contribution = Math.floor(a.budget * r.next() * 0.2);
  a.contribution_share = String(
    a.budget > 0 ? Math.round(((a.contribution ?? 0) * 1000) / a.budget) / 10 : 0,
  );
  if (r.chance(0.7)) a.gps = { lat: 9.5 + r.next(), lon: 1.1 + r.next() };
  if (r.chance(0.5)) a.photo = `att_${r.int(1, 1e9).toString(36)}`;
  a.members = [];
  for (let i = r.int(1, 8); i > 0; i--) {
    const sex = r.pick(['f', 'm']);
    a.members.push({
      member_name: r.pick(NAMES),
      member_sex: sex,
      member_age: r.int(18, 75),
      member_role: r.pick(names('role')),
      member_is_woman: sex === 'f' ? '1' : '0',
    });
  }
  a.members_count = String(a.members.length);
  a.women_members = String(a.members.filter((m) => m.member_sex === 'f').length);
  for (const q of INVENTORY) {
    if (q.type === 'yes_no') a[q.name] = r.chance(0.6);
    else if (r.chance(0.3)) continue;
    else if (q.type === 'integer') a[q.name] = r.int(0, 40);
    else if (q.type === 'select_one') a[q.name] = r.pick(names('state'));
    else if (q.type === 'text') a[q.name] = r.pick(NAMES);
    else if (q.type === 'date') a[q.name] = `${r.int(1990, 2025)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
  }
  return a;
}

/**
 * Ways to break a valid submission: the answers each one writes,, what it does, and the field that must then be
 * in error. Two breaks of one submission never write the same answers.
 */
const set = (values) => (a) => Object.assign(a, values);
const BREAKS = [
  { field: 'village', writes: ['village'], apply: (a) => delete a.village },
  { field: 'women_le35', writes: ['women_le35'], apply: set({ women_le35: -3 }) },
  { field: 'men_gt35', writes: ['men_gt35'], apply: set({ men_gt35: 2500 }) },
  { field: 'women_gt35', writes: ['women_gt35'], apply: set({ women_gt35: 'douze' }) },
  {
    field: 'facilitator_phone',
    writes: ['facilitator_phone'],
    apply: set({ facilitator_phone: '90 12 ab' }),
  },
  { field: 'topics', writes: ['topics'], apply: set({ topics: ['eau', 'ecole', 'sante', 'piste'] }) },
  { field: 'meeting_type', writes: ['meeting_type'], apply: set({ meeting_type: 'fete' }) },
  {
    field: 'meeting_type_other',
    writes: ['meeting_type', 'meeting_type_other'],
    apply: (a) => {
      a.meeting_type = 'autre';
      delete a.meeting_type_other;
    },
  },
  {
    field: 'report_date',
    writes: ['meeting_date', 'report_date'],
    apply: set({ meeting_date: '2026-06-10', report_date: '2026-06-02' }),
  },
  {
    field: 'contribution',
    writes: ['contribution'],
    apply: (a) => set({ contribution: a.budget + 50_000 })(a),
  },
  { field: 'member_age', writes: ['members'], apply: (a) => set({ member_age: 12 })(a.members[0]) },
  { field: 'member_name', writes: ['members'], apply: (a) => delete a.members[0].member_name },
  { field: 'meeting_date', writes: ['meeting_date'], apply: set({ meeting_date: '2027-03-01' }) },
  { field: 'forage_exists', writes: ['forage_exists'], apply: set({ forage_exists: 'oui' }) },
  { field: 'ecole_state', writes: ['ecole_state'], apply: set({ ecole_state: 'excellent' }) },
];

/**
 * `count` submissions from `seed`; `invalidShare` of them broken once or twice. Dates are before NOW (the
 * clock the validators get), except the break that moves a meeting into the future.
 */
export const NOW = new Date('2026-12-08T12:00:00Z');
export function submissions(count = 10_000, seed = 14, invalidShare = 0.3) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const answers = valid(r);
    const broken = new Set();
    if (r.chance(invalidShare)) {
      const written = new Set();
      for (let k = r.int(1, 2); k > 0; k--) {
        const one = r.pick(BREAKS);
        if (one.writes.some((w) => written.has(w))) continue;
        for (const w of one.writes) written.add(w);
        one.apply(answers);
        broken.add(one.field);
      }
    }
    // A submission travels as JSON: the validators see what the server parses.
    out.push({ answers: JSON.parse(JSON.stringify(answers)), broken: [...broken] });
  }
  return out;
}
