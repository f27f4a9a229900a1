// The forms the forms benchmark runs (bench/README.md, "Forms"), as FormDefinition JSON
// (packages/domain/src/platform/forms/definition.ts), and the seeded random numbers the generators share.
//
// - meetingForm(): a DCC meeting report of 80 fields (answer-bearing or computed, containers not counted)
//   holding exactly 20 expressions (relevant, constraint, calculation), a repeat of committee members and
//   single and multiple selects: what the server validates 10,000 times.
// - longForm(): 200 questions on 10 pages (field-list groups of 20), each page with relevance, constraints
//   and a calculation: what the field app's runner renders one page of.

/** Mulberry32: a small seeded generator, so two runs generate the same submissions. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const t = (fr, en) => ({ fr, en });
const list = (...names) => names.map(([name, fr, en]) => ({ name, label: t(fr, en) }));

export const MEETING_CHOICES = {
  meeting_type: list(
    ['ag', 'Assemblée générale', 'General assembly'],
    ['focus', 'Groupe de discussion', 'Focus group'],
    ['formation', 'Formation', 'Training'],
    ['autre', 'Autre', 'Other'],
  ),
  topics: list(
    ['eau', 'Eau', 'Water'],
    ['ecole', 'École', 'School'],
    ['sante', 'Santé', 'Health'],
    ['piste', 'Piste rurale', 'Rural road'],
    ['marche', 'Marché', 'Market'],
    ['autre', 'Autre', 'Other'],
  ),
  priority: list(['haute', 'Haute', 'High'], ['moyenne', 'Moyenne', 'Medium'], ['basse', 'Basse', 'Low']),
  sex: list(['f', 'Femme', 'Woman'], ['m', 'Homme', 'Man']),
  role: list(
    ['president', 'Président(e)', 'Chair'],
    ['secretaire', 'Secrétaire', 'Secretary'],
    ['tresorier', 'Trésorier(e)', 'Treasurer'],
    ['membre', 'Membre', 'Member'],
  ),
  state: list(['bon', 'Bon', 'Good'], ['moyen', 'Moyen', 'Fair'], ['mauvais', 'Mauvais', 'Poor']),
};

const COUNT = '. >= 0 and . <= 2000';
const f = (type, name, fr, extra = {}) => ({ type, name, label: t(fr, fr), ...extra });

/** The 48 plain questions of the infrastructure inventory: types, required and choices, no expression. */
export const INVENTORY = [
  'forage',
  'ecole',
  'case_sante',
  'marche',
  'piste',
  'latrines',
  'magasin',
  'moulin',
].flatMap((item) => [
  f('yes_no', `${item}_exists`, `Le village a-t-il un(e) ${item} ?`, { required: true }),
  f('integer', `${item}_count`, `Nombre de ${item}`),
  f('select_one', `${item}_state`, `État du ${item}`, { list: 'state' }),
  f('text', `${item}_manager`, `Gestionnaire du ${item}`),
  f('integer', `${item}_users`, `Usagers par jour du ${item}`),
  f('date', `${item}_built`, `Date de construction du ${item}`),
]);

export function meetingForm() {
  return {
    schemaVersion: 1,
    formId: 'bench_reunion',
    version: '2026-12-1',
    title: t('Compte rendu de réunion villageoise', 'Village meeting report'),
    fields: [
      f('group', 'identification', 'Identification', {
        appearance: ['field-list'],
        children: [
          f('text', 'village', 'Village', { required: true }),
          f('date', 'meeting_date', 'Date de la réunion', { required: true, constraint: '. <= today()' }),
          f('select_one', 'meeting_type', 'Type de réunion', { required: true, list: 'meeting_type' }),
          f('text', 'meeting_type_other', 'Autre type', {
            required: true,
            relevant: "${meeting_type} = 'autre'",
          }),
          f('time', 'start_time', 'Heure de début'),
          f('time', 'end_time', 'Heure de fin'),
          f('date', 'report_date', 'Date du rapport', { constraint: '. >= ${meeting_date}' }),
          f('text', 'facilitator', 'Facilitateur', { required: true }),
          f('text', 'facilitator_phone', 'Téléphone', { constraint: "regex(., '^[0-9]{8}$')" }),
        ],
      }),
      f('group', 'participation', 'Participation', {
        appearance: ['field-list'],
        children: [
          f('integer', 'women_le35', 'Femmes de 35 ans ou moins', { required: true, constraint: COUNT }),
          f('integer', 'women_gt35', 'Femmes de plus de 35 ans', { required: true, constraint: COUNT }),
          f('integer', 'men_le35', 'Hommes de 35 ans ou moins', { required: true, constraint: COUNT }),
          f('integer', 'men_gt35', 'Hommes de plus de 35 ans', { required: true, constraint: COUNT }),
          f('calculate', 'total', 'Total', {
            calculation: '${women_le35} + ${women_gt35} + ${men_le35} + ${men_gt35}',
          }),
          f('calculate', 'women_share', 'Part des femmes', {
            calculation: 'if(${total} > 0, round((${women_le35} + ${women_gt35}) * 100 div ${total}, 1), 0)',
          }),
          f('yes_no', 'quorum', 'Quorum atteint', { required: true }),
          f('note', 'quorum_note', 'Sans quorum, la décision sera reprise.', { relevant: 'not(${quorum})' }),
        ],
      }),
      f('group', 'decisions', 'Décisions', {
        children: [
          f('select_multiple', 'topics', 'Sujets', {
            required: true,
            list: 'topics',
            constraint: 'count-selected(.) <= 3',
          }),
          f('text', 'topics_other', 'Autre sujet', { relevant: "selected(${topics}, 'autre')" }),
          f('select_one', 'priority', 'Priorité', { list: 'priority' }),
          f('money', 'budget', 'Budget (FCFA)', { required: true, constraint: '. >= 0' }),
          f('money', 'contribution', 'Contribution (FCFA)', { constraint: '. <= ${budget}' }),
          f('calculate', 'contribution_share', 'Part de la contribution', {
            calculation: 'if(${budget} > 0, round(${contribution} * 100 div ${budget}, 1), 0)',
          }),
          f('geopoint', 'gps', 'Position'),
          f('image', 'photo', 'Photo'),
        ],
      }),
      f('repeat', 'members', 'Membres du comité', {
        children: [
          f('text', 'member_name', 'Nom', { required: true }),
          f('select_one', 'member_sex', 'Sexe', { required: true, list: 'sex' }),
          f('integer', 'member_age', 'Âge', { required: true, constraint: '. >= 15 and . < 100' }),
          f('select_one', 'member_role', 'Rôle', { required: true, list: 'role' }),
          f('calculate', 'member_is_woman', 'Femme', { calculation: "if(${member_sex} = 'f', 1, 0)" }),
        ],
      }),
      f('calculate', 'members_count', 'Membres', { calculation: 'count(${member_name})' }),
      f('calculate', 'women_members', 'Femmes membres', { calculation: 'sum(${member_is_woman})' }),
      f('group', 'inventory', 'Inventaire des infrastructures', { children: INVENTORY }),
    ],
    choices: MEETING_CHOICES,
  };
}

// Only XLSForm's own types (yes/no as a `select_one oui_non`, as XLSForms write it), so the form imports
// from a spreadsheet as it is.
const PAGE_TYPES = ['text', 'integer', 'select_one', 'select_one', 'date', 'decimal'];

/** `questions` questions on pages of `perPage` (field-list groups), each page with its own skip logic. */
export function longForm(questions = 200, perPage = 20) {
  const pages = [];
  for (let p = 1; p <= Math.ceil(questions / perPage); p++) {
    const children = [];
    for (let q = 1; q <= perPage && (p - 1) * perPage + q <= questions; q++) {
      const type = PAGE_TYPES[(q - 1) % PAGE_TYPES.length];
      const name = `p${p}_q${q}`;
      const field = f(type, name, `Page ${p}, question ${q} : ${type}`, {
        hint: t('Réponse attendue du ménage', 'Answer expected from the household'),
      });
      if (type === 'select_one') field.list = q % 6 === 4 ? 'oui_non' : 'state';
      if (type === 'integer') field.constraint = '. >= 0 and . <= 500';
      // Every fifth question shows only when the page's yes/no question (its 4th) is answered yes.
      if (q % 5 === 0) field.relevant = `\${p${p}_q4} = 'oui'`;
      if (q === 1) field.required = true;
      children.push(field);
    }
    const ints = children.filter((c) => c.type === 'integer').map((c) => `coalesce(\${${c.name}}, 0)`);
    children.push(f('calculate', `p${p}_total`, `Total page ${p}`, { calculation: ints.join(' + ') }));
    pages.push(f('group', `page${p}`, `Page ${p}`, { appearance: ['field-list'], children }));
  }
  return {
    schemaVersion: 1,
    formId: 'bench_long',
    version: '1',
    title: t('Questionnaire ménage (200 questions)', 'Household survey (200 questions)'),
    fields: pages,
    choices: { state: MEETING_CHOICES.state, oui_non: list(['oui', 'Oui', 'Yes'], ['non', 'Non', 'No']) },
  };
}

/** Counts what the brief promises: fields (containers excluded), expressions, repeats, selects. */
export function describe(def) {
  const out = { fields: 0, questions: 0, expressions: 0, repeats: 0, selects: 0 };
  const walk = (fields) => {
    for (const x of fields) {
      if (x.type === 'repeat') out.repeats++;
      if (x.type !== 'group' && x.type !== 'repeat') out.fields++;
      if (!['group', 'repeat', 'note', 'calculate'].includes(x.type)) out.questions++;
      if (x.type.startsWith('select_')) out.selects++;
      for (const k of ['relevant', 'constraint', 'calculation']) if (x[k]) out.expressions++;
      if (x.children) walk(x.children);
    }
  };
  walk(def.fields);
  return out;
}
