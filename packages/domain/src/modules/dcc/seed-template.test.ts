import { describe, expect, it } from 'vitest';
import { attachmentSlotSchema, materialSchema, TASK_LEVELS } from './model.js';
import { COSO_SEED_TEMPLATE, seedTasks } from './seed-template.js';

// The task names found in the previous app's code (dcc-original-app.md §1), to be kept verbatim.
const KNOWN_NAMES = [
  "Introduction et présentation de l'AC par l'AADB lors de la première réunion cantonale",
  "Vérification de l'existence d'un comité cantonal de développement (CCD)",
  "Sollicitation de l'appui des autorités villageoises pour une forte mobilisation communautaire",
  'Présentation et clarification de votre mission',
  "Vérification de l'existence du CVD et de ses organes",
  'Etablissement du profil du village (monograph)',
  "Brève introduction de la réunion et de l'ANADEB",
  'Ouverture de la deuxième réunion et vérification du quorum des participants',
  "Convenir de la date de l'évaluation sociale participative à la fin de la réunion",
  'Animer la session de formation sur le Module 1 : rôles et responsabilités des membres des organes de CVD',
  'Présenter les activités de la journée',
  'Identification et établissement de la liste des besoins prioritaires pour la composante 1.1 par groupe',
  "Elaboration du plan d'action villageois (PAV)",
  'Mise en place et/ou restructuration du CCD et du comité cantonal de gestion des plaintes (CCGP)',
  "Appui au CCD dans l'analyse des PAV, l'arbitrage, la sélection des sous-projets et l'affectation des ressources",
  "Appui à la rencontre communautaire de restitution des résultats de la réunion cantonale d'arbitrage",
  'Appui au bureau du CVD dans la rédaction du document du sous-projet et la demande de financement',
  "Réunion d'information de la communauté sur le sous-projet : activités, coût estimatif, prochaines étapes",
  "Soumission de la demande de financement du sous-projet à l'ANADEB pour approbation par le CORA",
  "Séance communautaire d'information sur le sous-projet, sa durée d'exécution et les mesures de sauvegarde",
  "Appui au CVD : rapports périodiques et réunions sur l'état d'avancement des travaux",
  'Classement et archivage des documents de mise en œuvre du sous-projet',
  "Réalisation de l'auto-évaluation participative de la mise en œuvre du sous-projet (social audit)",
  "Elaboration et mise en œuvre du plan d'entretien et de maintenance de l'ouvrage",
  "Sélection des priorités par sous-composante (1.1, 1.2, 1.3) à soumettre au CCD (réunion cantonale d'arbitrage)",
  'Identification des obstacles et de la vision de développement par groupe',
];

const LEVEL_RANK = Object.fromEntries(TASK_LEVELS.map((l, i) => [l, i]));
const tasks = seedTasks();

describe('COSO seed template', () => {
  it('has the 7 phases, the 18 meetings in sheet order and 48 tasks', () => {
    expect(COSO_SEED_TEMPLATE.map((p) => p.name)).toEqual([
      'Visites préalables',
      'Mobilisation communautaire',
      'Planification',
      'Préparation des sous-projets',
      'Consultation et examen',
      'Mise en œuvre',
      'Clôture et replanification',
    ]);
    const meetings = COSO_SEED_TEMPLATE.flatMap((p) => p.activities.map((a) => a.meeting));
    expect(meetings).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(tasks).toHaveLength(48);
    for (const a of COSO_SEED_TEMPLATE.flatMap((p) => p.activities))
      expect(a.tasks.length).toBeGreaterThan(0);
  });

  it('keeps the 26 known names verbatim and the old ids as unique codes', () => {
    expect(KNOWN_NAMES).toHaveLength(26);
    const names = new Set(tasks.map((t) => t.name));
    for (const n of KNOWN_NAMES) expect(names, n).toContain(n);
    const codes = tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(tasks.map((t) => t.name)).size).toBe(tasks.length);
    expect([...codes].sort()).toEqual(Array.from({ length: 48 }, (_, i) => `T${i + 13}`).sort());
  });

  it('puts the old canton-level tasks at canton level and shares every non-village result', () => {
    const canton = tasks.filter((t) => t.level === 'canton').map((t) => t.code);
    expect(canton).toEqual(expect.arrayContaining(['T13', 'T15', 'T46', 'T47']));
    expect(tasks.find((t) => t.code === 'T19')?.level).toBe('cvd');
    for (const t of tasks) expect(t.shared).toBe(t.level !== 'village');
  });

  it('has prerequisites on existing earlier tasks of the same or a coarser level, without cycles', () => {
    const position = new Map(tasks.map((t, i) => [t.code, i]));
    const byCode = new Map(tasks.map((t) => [t.code, t]));
    for (const [i, t] of tasks.entries())
      for (const p of t.prerequisites) {
        expect(position.has(p), `${t.code} → ${p}`).toBe(true);
        expect(position.get(p)!, `${t.code} → ${p}`).toBeLessThan(i);
        expect(LEVEL_RANK[byCode.get(p)!.level]!).toBeGreaterThanOrEqual(LEVEL_RANK[t.level]!);
      }
    // Earlier-only edges cannot cycle; check by a walk too, in case the order rule is ever relaxed.
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (code: string): void => {
      if (state.get(code) === 'done') return;
      expect(state.get(code), `cycle through ${code}`).not.toBe('visiting');
      state.set(code, 'visiting');
      for (const p of byCode.get(code)!.prerequisites) visit(p);
      state.set(code, 'done');
    };
    for (const t of tasks) visit(t.code);
    // Only the very first task of the cycle starts with nothing to wait for, apart from the tasks
    // a CVD or a canton takes up on its own.
    const free = tasks.filter((t) => t.prerequisites.length === 0).map((t) => t.code);
    expect(free).toEqual(['T13', 'T19', 'T32']);
  });

  it('has valid attachment slots, unique per task, and every meeting asks for its minutes', () => {
    for (const t of tasks) {
      for (const s of t.attachmentSlots) expect(attachmentSlotSchema.safeParse(s).success).toBe(true);
      for (const m of t.materials) expect(materialSchema.safeParse(m).success).toBe(true);
      const keys = t.attachmentSlots.map((s) => s.key);
      expect(new Set(keys).size).toBe(keys.length);
    }
    for (const a of COSO_SEED_TEMPLATE.flatMap((p) => p.activities)) {
      const first = a.tasks[0]!;
      expect(first.attachmentSlots.find((s) => s.key === 'pv')?.required, a.name).toBe(true);
      expect(first.formId, a.name).not.toBeNull();
    }
  });
});
