import {
  CONTRACT_KINDS,
  COSO_STEPS,
  type Labelled,
  type Locale,
  MIS_COMPONENTS,
  MIS_SECTORS,
  MIS_STRUCTURE_TYPES,
  MIS_TECHNICAL_ATTRIBUTES,
  type MisReference,
  type StepDefinition,
} from '@coso/domain';

/**
 * The MIS's reference lists and progress steps (domain seed data). Every service reads them from here, so that
 * a later issue can make them editable per installation (a table) without touching the services.
 */
export interface MisLists {
  components: readonly Labelled[];
  sectors: readonly Labelled[];
  types: typeof MIS_STRUCTURE_TYPES;
  attributes: typeof MIS_TECHNICAL_ATTRIBUTES;
  steps: readonly StepDefinition[];
}

export const COSO_MIS_LISTS: MisLists = {
  components: MIS_COMPONENTS,
  sectors: MIS_SECTORS,
  types: MIS_STRUCTURE_TYPES,
  attributes: MIS_TECHNICAL_ATTRIBUTES,
  steps: COSO_STEPS,
};

const CONTRACT_KIND_LABELS: Record<(typeof CONTRACT_KINDS)[number], Labelled['label']> = {
  works: { fr: 'Travaux (entreprise)', en: 'Works (company)' },
  supervision: { fr: 'Contrôle technique', en: 'Technical supervision' },
  social_control: { fr: 'Contrôle social et environnemental', en: 'Social and environmental control' },
  equipment: { fr: 'Fourniture de mobilier et équipements', en: 'Furniture and equipment' },
  facilitation: { fr: 'Facilitation', en: 'Facilitation' },
};

const localise = (x: Labelled, locale: Locale) => ({ code: x.code, label: x.label[locale], labels: x.label });

/** `GET /api/v1/mis/reference` in the caller's language. */
export function referenceAnswer(lists: MisLists, locale: Locale): MisReference {
  return {
    components: lists.components.map((c) => localise(c, locale)),
    sectors: lists.sectors.map((s) => localise(s, locale)),
    types: lists.types.map((t) => ({
      ...localise(t, locale),
      sector: t.sector,
      attributes: [...t.attributes],
    })),
    attributes: lists.attributes.map((a) => ({
      ...localise(a, locale),
      kind: a.kind,
      ...(a.unit ? { unit: a.unit } : {}),
    })),
    steps: [...lists.steps]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({
        ...localise(s, locale),
        order: s.order,
        kind: s.kind,
        requires: [...s.requires],
        levels: s.levels === true,
        percent: s.percent ?? null,
      })),
    contractKinds: CONTRACT_KINDS.map((k) => localise({ code: k, label: CONTRACT_KIND_LABELS[k] }, locale)),
  };
}
