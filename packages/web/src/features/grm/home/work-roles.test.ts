import { describe, expect, it } from 'vitest';
import { translator } from '../../../i18n/translate';
import { emptyListText } from '../complaints/list/empty-text';
import { handlesCases, readsPublishedOnly } from './work-roles';

const t = translator('fr');

describe('what each role is shown', () => {
  it('gives "my cases" and "unassigned" only to roles that are assigned cases', () => {
    expect(handlesCases(['focal_point'])).toBe(true);
    expect(handlesCases(['grm_officer'])).toBe(true);
    expect(handlesCases(['sensitive_focal_point'])).toBe(true);
    expect(handlesCases(['supervisor'])).toBe(false);
    expect(handlesCases(['facilitator'])).toBe(false);
    expect(handlesCases(['analyst', 'admin'])).toBe(false);
  });

  it("explains the supervisor's empty list instead of showing a bare 'no case'", () => {
    expect(readsPublishedOnly(['supervisor'])).toBe(true);
    expect(emptyListText(['supervisor'], { queue: 'area' }, t)).toMatch(/synthèse a été publiée/);
    expect(emptyListText(['facilitator'], {}, t)).toMatch(/vos villages/);
    expect(emptyListText(['focal_point'], { queue: 'mine' }, t)).toMatch(/vous est assigné/);
    expect(emptyListText(['focal_point'], { queue: 'area' }, t)).toBe(t('list.empty'));
  });
});
