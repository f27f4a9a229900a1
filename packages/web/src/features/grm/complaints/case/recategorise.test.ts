import { complaintActionSchema } from '@coso/domain';
import { describe, expect, it } from 'vitest';
import type { ComplaintEvent } from '../../../../api/complaint-types';
import { translator } from '../../../../i18n/translate';
import type { Reference } from '../use-reference';
import { actionBody, EMPTY_ACTION } from './action-fields';
import { eventLines } from './event-text';

const LABELS: Record<string, string> = { works: 'Travaux', gbv_sea: 'VBG/EAS/HS', complaint: 'Plainte' };
const reference = { label: (_list: string, code: string | null | undefined) => LABELS[code ?? ''] ?? '—' };

describe('recategorise on the case page', () => {
  it('sends what the domain schema requires', () => {
    const body = actionBody('recategorise', {
      ...EMPTY_ACTION,
      category: 'gbv_sea',
      type: 'complaint',
      sensitive: true,
      reason: 'Harcèlement décrit lors de la visite.',
    });
    expect(complaintActionSchema.parse(body)).toEqual({
      action: 'recategorise',
      category: 'gbv_sea',
      type: 'complaint',
      sensitive: true,
      reason: 'Harcèlement décrit lors de la visite.',
    });
  });

  it('tells in the timeline what changed, in the UI language', () => {
    const e: ComplaintEvent = {
      id: 1,
      at: '2026-12-07T10:00:00Z',
      actor: null,
      kind: 'recategorise',
      fromStatus: 'received',
      toStatus: 'received',
      payload: {
        reason: 'Harcèlement décrit lors de la visite.',
        category: 'gbv_sea',
        type: 'complaint',
        sensitive: true,
        previous: { category: 'works', type: 'complaint', sensitive: false },
        handlingLevel: 'country',
      },
    };
    const lines = eventLines(e, {
      t: translator('fr'),
      reference: reference as unknown as Reference,
      levelLabel: (l) => (l === 'country' ? 'National' : l),
      names: new Map(),
      attachments: [],
    });
    expect(lines).toEqual([
      'Motif : Harcèlement décrit lors de la visite.',
      'Catégorie : Travaux → VBG/EAS/HS',
      'Le dossier est désormais sensible (accès restreint).',
      'Niveau : National',
    ]);
  });
});
