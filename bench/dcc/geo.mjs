/**
 * The DCC benchmark's geography: 10,000 villages (by default) added under the demo's 39 prefectures, with their
 * communes, cantons and CVDs, by set-based SQL. Deterministic: ids are md5 hashes of a fixed seed and the row
 * number, names are built from syllables chosen by hashing the row number, so two databases generated with the
 * same --seed and --villages hold the same rows.
 *
 * Layout: 16 villages per canton (5 CVDs of 3, 3, 3, 3 and 4 villages, the first village of each its seat),
 * 5 cantons per commune, communes spread round-robin over the prefectures (ordered by code). Codes start with
 * `BX-` so that the bench's places are easy to tell from the demo's.
 */

export const VILLAGES_PER_CANTON = 16;
export const CANTONS_PER_COMMUNE = 5;

// Syllables of northern Togolese place names (Kabiyè, Moba, Tem …), combined into plausible names.
const SYLLABLES = [
  'Ka',
  'Pa',
  'Ti',
  'Sa',
  'Ko',
  'Da',
  'Na',
  'Ba',
  'Lo',
  'Gou',
  'Man',
  'Dja',
  'Kpé',
  'Tcha',
  'Yo',
  'Wa',
  'Sou',
  'Bo',
  'Ni',
  'Lam',
  'Ké',
  'Mo',
  'Ga',
  'Tén',
];

/** A SQL expression naming row `i` (an integer expression) from three syllables and its number. */
function nameSql(i, salt, prefix) {
  const arr = `array[${SYLLABLES.map((s) => `'${s}'`).join(',')}]`;
  const pick = (k) => `(${arr})[1 + abs(hashint4(${i} * 31 + ${salt + k})) % ${SYLLABLES.length}]`;
  return `'${prefix}' || ${pick(1)} || lower(${pick(2)}) || lower(${pick(3)}) || ' ' || (${i} + 1)`;
}

// md5 of seed, kind and number, with the version (4) and variant (8) digits of a random UUID: strict UUID
// parsers (zod's) accept the ids the API is given.
const uuidSql = (seed, kind, i) =>
  `overlay(overlay(md5('${seed}/${kind}/' || ${i}) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * Inserts the bench geography into `tx` (one transaction); returns the counts. Refuses to run twice (the
 * codes are unique): the caller checks `geographyPresent` first.
 */
export async function insertGeography(tx, { villages, seed }) {
  const cantons = Math.ceil(villages / VILLAGES_PER_CANTON);
  const communes = Math.ceil(cantons / CANTONS_PER_COMMUNE);
  const s = String(seed).replace(/[^a-z0-9-]/gi, '');
  const prefectures = `(select row_number() over (order by code) - 1 as k, id, path
                          from geo_units where level = 'prefecture')`;
  const npref = `(select count(*) from geo_units where level = 'prefecture')`;
  // Latitude 9.0–11.0, longitude 0.1–1.6: the northern half, where the project works.
  const point = (i, salt) => `9.0 + (abs(hashint4(${i} + ${salt})) % 20000) / 10000.0,
                               0.1 + (abs(hashint4(${i} + ${salt + 1})) % 15000) / 10000.0`;
  await tx.query(
    `insert into geo_units (id, code, name, name_key, level, parent_id, path, rural, latitude, longitude)
     select ${uuidSql(s, 'commune', 'g.i')}, 'BX-C' || lpad(g.i::text, 4, '0'), n.name, translate(lower(n.name), 'éè', 'ee'),
            'commune', p.id, p.path || ${uuidSql(s, 'commune', 'g.i')} || '/', null, ${point('g.i', 11)}
       from generate_series(0, $1::int - 1) g(i)
       join ${prefectures} p on p.k = g.i % ${npref}
       cross join lateral (select ${nameSql('g.i', 100, '')} as name) n`,
    [communes],
  );
  await tx.query(
    `insert into geo_units (id, code, name, name_key, level, parent_id, path, rural, latitude, longitude)
     select ${uuidSql(s, 'canton', 'g.i')}, 'BX-K' || lpad(g.i::text, 5, '0'), n.name, translate(lower(n.name), 'éè', 'ee'),
            'canton', c.id, c.path || ${uuidSql(s, 'canton', 'g.i')} || '/', true, ${point('g.i', 21)}
       from generate_series(0, $1::int - 1) g(i)
       join geo_units c on c.id = ${uuidSql(s, 'commune', `(g.i / ${CANTONS_PER_COMMUNE})`)}
       cross join lateral (select ${nameSql('g.i', 200, '')} as name) n`,
    [cantons],
  );
  await tx.query(
    `insert into geo_units (id, code, name, name_key, level, parent_id, path, rural, latitude, longitude)
     select ${uuidSql(s, 'village', 'g.i')}, 'BX-V' || lpad(g.i::text, 6, '0'), n.name, translate(lower(n.name), 'éè', 'ee'),
            'village', k.id, k.path || ${uuidSql(s, 'village', 'g.i')} || '/', true, ${point('g.i', 31)}
       from generate_series(0, $1::int - 1) g(i)
       join geo_units k on k.id = ${uuidSql(s, 'canton', `(g.i / ${VILLAGES_PER_CANTON})`)}
       cross join lateral (select ${nameSql('g.i', 300, '')} as name) n`,
    [villages],
  );
  // CVD number of village i: its canton's number × 5 + min(position in canton / 3, 4).
  const cvdOf = `((g.i / ${VILLAGES_PER_CANTON}) * 5 + least((g.i % ${VILLAGES_PER_CANTON}) / 3, 4))`;
  await tx.query(
    `insert into village_groups (id, kind, code, name, name_key, canton_id, headquarters_village_id)
     select ${uuidSql(s, 'cvd', `${cvdOf}`)}, 'cvd', 'BX-CVD' || lpad(${cvdOf}::text, 6, '0'),
            'CVD ' || v.name, translate(lower('CVD ' || v.name), 'éè', 'ee'), v.parent_id, v.id
       from generate_series(0, $1::int - 1) g(i)
       join geo_units v on v.id = ${uuidSql(s, 'village', 'g.i')}
      where (g.i % ${VILLAGES_PER_CANTON}) % 3 = 0 and (g.i % ${VILLAGES_PER_CANTON}) < 15`,
    [villages],
  );
  await tx.query(
    `insert into village_group_members (group_id, kind, village_id)
     select ${uuidSql(s, 'cvd', `${cvdOf}`)}, 'cvd', ${uuidSql(s, 'village', 'g.i')}
       from generate_series(0, $1::int - 1) g(i)`,
    [villages],
  );
  const [counts] = await tx.query(
    `select (select count(*)::int from village_groups where code like 'BX-CVD%') as cvds`,
  );
  return { communes, cantons, villages, cvds: counts.cvds };
}

export async function geographyPresent(db) {
  const [row] = await db.query(`select count(*)::int as n from geo_units where code like 'BX-V%'`);
  return row.n;
}

/** The bench's communes: the areas of the bench cycle. */
export async function benchCommunes(db) {
  return (await db.query(`select id from geo_units where code like 'BX-C%' order by code`)).map((r) => r.id);
}
