import type { ReferenceListDef } from '../../platform/reference/lists.js';

/** The intake form's lists, by their stored name, as the grievance module registers them. */
export const GRM_REFERENCE_LISTS = [
  'type',
  'category',
  'channel',
  'age_group',
  'gender',
  'vulnerability',
] as const;
export type GrmReferenceList = (typeof GRM_REFERENCE_LISTS)[number];

const API_KEYS: Record<GrmReferenceList, string> = {
  type: 'types',
  category: 'categories',
  channel: 'channels',
  age_group: 'ageGroups',
  gender: 'genders',
  vulnerability: 'vulnerabilityGroups',
};

export const grmReferenceLists: readonly ReferenceListDef[] = GRM_REFERENCE_LISTS.map((name) => ({
  name,
  apiKey: API_KEYS[name],
  ...(name === 'category' ? { flags: true } : {}),
}));
