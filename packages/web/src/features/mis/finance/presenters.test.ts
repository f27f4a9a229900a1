import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import type { Balances } from './finance-api';
import { balanceTableRows, ceilingAvailable } from './presenters';

const amounts = (allocated: number) => ({
  allocated,
  transferred: 0,
  requested: 0,
  disbursed: 0,
  paid: 0,
  toTransfer: allocated,
  toDisburse: allocated,
  toPay: 0,
});

describe('finance presenters', () => {
  it('reads the available amount of a refused line, nothing for other errors', () => {
    const refused = new ApiError(409, 'mis_ceiling_exceeded', 'x', { available: 1_500_000 });
    expect(ceilingAvailable(refused)).toBe(1_500_000);
    expect(ceilingAvailable(new ApiError(409, 'version_conflict', 'x'))).toBeNull();
    expect(ceilingAvailable(new Error('x'))).toBeNull();
  });

  it('lists the rows then the totals, nothing when there is no line', () => {
    const b: Balances = {
      rows: [
        {
          unit: { id: 'u1', kind: 'canton', name: 'Lama' },
          canton: { id: 'u1', name: 'Lama' },
          component: '1.1',
          amounts: amounts(10),
        },
      ],
      totals: amounts(10),
    };
    expect(balanceTableRows(b).map((r) => r.key)).toEqual(['u1:1.1', 'totals']);
    expect(balanceTableRows({ rows: [], totals: amounts(0) })).toEqual([]);
  });
});
