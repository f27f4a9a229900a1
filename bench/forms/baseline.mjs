// The baseline of the validation benchmark: the meeting form's rules (forms.mjs) written by hand in bare
// TypeScript-style JavaScript, as a developer would hard-code them for this one form — types, required
// answers, choices, skip logic, the 20 expressions — without a definition, a parser or an evaluator.
// What the engine costs is its time over this one's. Errors are `{ field, code }`, field being the answer's
// path (`members[2].member_age`) so that both validators can be compared error for error.
import { INVENTORY, MEETING_CHOICES } from './forms.mjs';

const CHOICES = Object.fromEntries(
  Object.entries(MEETING_CHOICES).map(([list, cs]) => [list, new Set(cs.map((c) => c.name))]),
);
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const PHONE = /^[0-9]{8}$/;
const absent = (v) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const isInt = (v) => typeof v === 'number' && Number.isInteger(v);
const isDate = (v) => typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

const TYPES = {
  text: (v) => typeof v === 'string',
  integer: isInt,
  money: isInt,
  date: isDate,
  time: (v) => typeof v === 'string' && TIME.test(v),
  yes_no: (v) => typeof v === 'boolean',
  geopoint: (v) => typeof v === 'object' && v !== null && Math.abs(v.lat) <= 90 && Math.abs(v.lon) <= 180,
  image: (v) => typeof v === 'string',
};

/** One answer: required, type, choice list; returns its error code or null (then constraints may run). */
function check(value, type, required, list) {
  if (absent(value)) return required ? 'required' : null;
  if (type === 'select_one')
    return typeof value === 'string' && CHOICES[list].has(value) ? null : 'invalid_choice';
  if (type === 'select_multiple')
    return Array.isArray(value) && value.every((x) => CHOICES[list].has(x)) ? null : 'invalid_choice';
  return TYPES[type](value) ? null : 'invalid_type';
}

export function validateMeeting(a, now) {
  const errors = [];
  const field = (path, type, opts = {}) => {
    const v = a[path];
    const code = check(v, type, opts.required, opts.list);
    if (code) errors.push({ field: path, code });
    else if (!absent(v) && opts.constraint && !opts.constraint(v))
      errors.push({ field: path, code: 'constraint' });
    return code || absent(v) ? undefined : v;
  };
  // An answer to a question that does not apply is refused, as the engine does (the device never sends one).
  const skipped = (path) => {
    if (!absent(a[path])) errors.push({ field: path, code: 'not_relevant' });
  };
  const today = now.toISOString().slice(0, 10);
  const count = { required: true, constraint: (v) => v >= 0 && v <= 2000 };

  field('village', 'text', { required: true });
  const date = field('meeting_date', 'date', { required: true, constraint: (v) => v <= today });
  const type = field('meeting_type', 'select_one', { required: true, list: 'meeting_type' });
  if (type === 'autre') field('meeting_type_other', 'text', { required: true });
  else skipped('meeting_type_other');
  field('start_time', 'time');
  field('end_time', 'time');
  field('report_date', 'date', { constraint: (v) => date === undefined || v >= date });
  field('facilitator', 'text', { required: true });
  field('facilitator_phone', 'text', { constraint: (v) => PHONE.test(v) });
  const w1 = field('women_le35', 'integer', count) ?? 0;
  const w2 = field('women_gt35', 'integer', count) ?? 0;
  const m1 = field('men_le35', 'integer', count) ?? 0;
  const m2 = field('men_gt35', 'integer', count) ?? 0;
  const total = w1 + w2 + m1 + m2;
  const calculated = { total, women_share: total > 0 ? Math.round(((w1 + w2) * 1000) / total) / 10 : 0 };
  field('quorum', 'yes_no', { required: true });
  const topics = field('topics', 'select_multiple', {
    required: true,
    list: 'topics',
    constraint: (v) => v.length <= 3,
  });
  if (topics?.includes('autre')) field('topics_other', 'text');
  else skipped('topics_other');
  field('priority', 'select_one', { list: 'priority' });
  const budget = field('budget', 'money', { required: true, constraint: (v) => v >= 0 });
  const contribution = field('contribution', 'money', { constraint: (v) => v <= (budget ?? 0) });
  calculated.contribution_share = budget > 0 ? Math.round(((contribution ?? 0) * 1000) / budget) / 10 : 0;
  field('gps', 'geopoint');
  field('photo', 'image');

  const members = Array.isArray(a.members) ? a.members : [];
  if (a.members !== undefined && !Array.isArray(a.members))
    errors.push({ field: 'members', code: 'invalid_type' });
  let women = 0;
  members.forEach((m, i) => {
    const at = (name, type, opts = {}) => {
      const v = m?.[name];
      const code = check(v, type, opts.required, opts.list);
      const path = `members[${i}].${name}`;
      if (code) errors.push({ field: path, code });
      else if (opts.constraint && !opts.constraint(v)) errors.push({ field: path, code: 'constraint' });
      return code ? undefined : v;
    };
    at('member_name', 'text', { required: true });
    if (at('member_sex', 'select_one', { required: true, list: 'sex' }) === 'f') women++;
    at('member_age', 'integer', { required: true, constraint: (v) => v >= 15 && v < 100 });
    at('member_role', 'select_one', { required: true, list: 'role' });
  });
  calculated.members_count = members.length;
  calculated.women_members = women;

  for (const q of INVENTORY) field(q.name, q.type, { required: q.required, list: q.list });
  return { valid: errors.length === 0, errors, calculated };
}
