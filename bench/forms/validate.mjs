// Server validation benchmark: 10,000 submissions of the meeting form (80 fields, 20 expressions, a repeat,
// selects; forms.mjs) through the engine's `validate(definition, answers, { now })` — exactly what the server
// runs on every submission and `POST /api/v1/forms/:id/validate` answers — beside the hand-written
// validator of the same rules (baseline.mjs). Target: < 5 s for the 10,000.
//
//   npx tsc -b packages/domain && node bench/forms/validate.mjs [--count 10000] [--seed 14] [--rounds 5]
//
// Rounds alternate engine, baseline, engine, baseline … after one warm-up round each, on the same
// submissions (generated once from the seed, 30% broken once or twice). Before timing, both validators'
// verdicts are compared submission by submission, and with the fields the generator broke: a benchmark of a
// validator that misses errors would be worthless.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { validateMeeting } from './baseline.mjs';
import { describe, meetingForm } from './forms.mjs';
import { NOW, submissions } from './submissions.mjs';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '14' },
    rounds: { type: 'string', default: '5' },
    json: { type: 'boolean', default: false },
    domain: { type: 'string' },
  },
});
const domainArg = process.argv.indexOf('--domain');
const domain = await import(
  domainArg >= 0 ? path.resolve(process.argv[domainArg + 1]) : '../../packages/domain/dist/index.js'
);
if (typeof domain.validate !== 'function') {
  console.error('The domain build has no `validate`: build it first (npx tsc -b packages/domain).');
  process.exit(2);
}

const def = meetingForm();
const shape = describe(def);
const t0 = performance.now();
const subs = submissions(Number(values.count), Number(values.seed));
const generated = performance.now() - t0;
// validate() lists the errors; the definition is compiled once (compileForm caches per definition object),
// as the server keeps a published version's definition.
const engine = (answers) => {
  const errors = domain.validate(def, answers, { now: NOW });
  return { valid: errors.length === 0, errors };
};

// The same verdicts: the same errors, path and code (`members[0].member_age:constraint`); the generator's
// broken fields are compared by name.
const nameOf = (path) => String(path).match(/[A-Za-z_][A-Za-z0-9_-]*$/)?.[0] ?? path;
let disagree = 0;
let missed = 0;
const examples = [];
for (const [i, s] of subs.entries()) {
  const a = engine(s.answers);
  const b = validateMeeting(s.answers, NOW);
  const ea = new Set(a.errors.map((e) => `${e.field}:${e.code}`));
  const eb = new Set(b.errors.map((e) => `${e.field}:${e.code}`));
  const same = a.valid === b.valid && ea.size === eb.size && [...ea].every((f) => eb.has(f));
  if (!same) {
    disagree++;
    if (examples.length < 5)
      examples.push({
        i,
        broken: s.broken,
        engine: a.errors.map((e) => `${e.field}:${e.code}`),
        baseline: b.errors.map((e) => `${e.field}:${e.code}`),
      });
  }
  const names = new Set(a.errors.map((e) => nameOf(e.field)));
  if (s.broken.some((f) => !names.has(f))) missed++;
}

const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (fn) => {
  const start = performance.now();
  let invalid = 0;
  for (const s of subs) if (!fn(s.answers).valid) invalid++;
  return { ms: performance.now() - start, invalid };
};
const variants = [
  { name: 'engine validate()', fn: engine, times: [] },
  { name: 'hand-written baseline', fn: (a) => validateMeeting(a, NOW), times: [] },
];
for (const v of variants) round(v.fn); // warm-up
let invalid;
for (let r = 0; r < Number(values.rounds); r++)
  for (const v of variants) {
    const res = round(v.fn);
    v.times.push(res.ms);
    invalid = res.invalid;
  }

const result = {
  form: shape,
  submissions: subs.length,
  invalid,
  generatedMs: Math.round(generated),
  disagree,
  missed,
  examples,
  variants: variants.map((v) => ({
    name: v.name,
    medianMs: median(v.times),
    roundsMs: v.times.map(Math.round),
  })),
};
if (values.json) console.log(JSON.stringify(result));
else {
  console.log(
    `Form: ${shape.fields} fields, ${shape.expressions} expressions, ${shape.repeats} repeat, ${shape.selects} selects. ` +
      `${subs.length} submissions (seed ${values.seed}), ${invalid} invalid; generated in ${result.generatedMs} ms.`,
  );
  console.log(
    `Verdicts: engine and baseline disagree on ${disagree}; engine missed a broken field in ${missed}.`,
  );
  for (const e of examples) console.log('  ', JSON.stringify(e));
  console.log(
    `\n| validator | median of ${values.rounds} rounds | per submission | rounds |\n| --- | ---: | ---: | --- |`,
  );
  for (const v of result.variants)
    console.log(
      `| ${v.name} | ${(v.medianMs / 1000).toFixed(2)} s | ${((v.medianMs * 1000) / subs.length).toFixed(0)} µs | ${v.roundsMs.join(', ')} ms |`,
    );
  const [e, b] = result.variants;
  console.log(
    `\nEngine / baseline: ${(e.medianMs / b.medianMs).toFixed(1)}×. Target < 5 s: ${e.medianMs < 5000 ? 'met' : 'MISSED'}.`,
  );
}
