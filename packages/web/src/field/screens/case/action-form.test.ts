import { describe, expect, it } from 'vitest';
import { buildAction, EMPTY_ACTION } from './action-form';

describe('case actions from the phone', () => {
  it('require the reason the lifecycle asks for', () => {
    expect(buildAction('withdraw', EMPTY_ACTION)).toEqual({
      ok: false,
      issues: { reason: { key: 'validation.required' } },
    });
    expect(buildAction('withdraw', { ...EMPTY_ACTION, reason: 'ab' })).toEqual({
      ok: false,
      issues: { reason: { key: 'validation.tooShort', params: { min: '3' } } },
    });
    expect(buildAction('withdraw', { ...EMPTY_ACTION, reason: 'Accord trouvé au village' })).toEqual({
      ok: true,
      action: { action: 'withdraw', reason: 'Accord trouvé au village' },
    });
  });

  it("record the complainant's answer, with an appeal only after a refusal", () => {
    expect(buildAction('record_answer', EMPTY_ACTION)).toMatchObject({ ok: false });
    const accepted = buildAction('record_answer', {
      ...EMPTY_ACTION,
      answer: 'accepted',
      appeal: true,
      satisfaction: '4',
    });
    expect(accepted).toEqual({
      ok: true,
      action: { action: 'record_answer', answer: 'accepted', appeal: false, satisfaction: 4 },
    });
    const appealed = buildAction('record_answer', { ...EMPTY_ACTION, answer: 'rejected', appeal: true });
    expect(appealed).toMatchObject({ ok: true, action: { appeal: true } });
  });

  it('send only the fields of the chosen action', () => {
    const comment = buildAction('comment', { ...EMPTY_ACTION, text: 'Visite faite', reason: 'ignored' });
    expect(comment).toEqual({ ok: true, action: { action: 'comment', text: 'Visite faite' } });
  });
});
