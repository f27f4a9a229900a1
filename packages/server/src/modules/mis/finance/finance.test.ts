import type { Allocation, Balances, Payment, Transfer } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { get, makeContract, makeFinanceWorld, post } from '../../../test/mis-finance-kit.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeFinanceWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeFinanceWorld(t);
});
afterAll(() => t.close());

const allocate = async (unitId: string, amount: number, component = '1.1') => {
  const res = await post(t, w.sessions.officer, 'allocations', {
    unitId,
    component,
    amount,
    date: '2026-03-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Allocation;
};

describe('allocations', () => {
  it('go to a canton or a CVD, in whole FCFA, by a finance officer of the area', async () => {
    const canton = await allocate(w.tree.a.canton.id, 25_000_000);
    expect(canton).toMatchObject({
      unit: { id: w.tree.a.canton.id, kind: 'canton' },
      canton: { id: w.tree.a.canton.id },
      amount: 25_000_000,
      date: '2026-03-01',
      transferred: 0,
      reversed: false,
    });
    const cvd = await allocate(w.cvdA, 4_000_000, '1.2a');
    expect(cvd.unit).toMatchObject({ id: w.cvdA, kind: 'cvd' });
    expect(cvd.canton.id).toBe(w.tree.a.canton.id);

    const bad = (body: object) =>
      post(t, w.sessions.officer, 'allocations', {
        unitId: w.tree.a.canton.id,
        component: '1.1',
        amount: 1000,
        date: '2026-03-01',
        ...body,
      });
    for (const amount of [1000.5, '1000', -5, 0, 1e16]) expect((await bad({ amount })).statusCode).toBe(400);
    expect((await bad({ date: '2099-01-01' })).statusCode).toBe(400);
    expect((await bad({ unitId: w.tree.a.villages[0]!.id })).json().code).toBe('mis_allocation_unit');
    expect((await bad({ component: '9.9' })).json().code).toBe('mis_reference_unknown');
    expect((await bad({ unitId: w.tree.b.canton.id })).json().code).toBe('outside_jurisdiction');
    expect((await bad({ unitId: crypto.randomUUID() })).statusCode).toBe(404);
    const specialist = await post(t, w.sessions.specialist, 'allocations', {
      unitId: w.tree.a.canton.id,
      component: '1.1',
      amount: 1000,
      date: '2026-03-01',
    });
    expect(specialist.statusCode).toBe(403);
  });
});

describe('ceilings', () => {
  it('refuses a transfer past its allocation, unless overridden with a reason (audited)', async () => {
    const a = await allocate(w.tree.a.canton.id, 10_000_000);
    const first = await post(t, w.sessions.officer, 'transfers', {
      allocationId: a.id,
      amount: 7_000_000,
      date: '2026-03-05',
      bankReference: 'VIR-001',
    });
    expect(first.statusCode, first.body).toBe(201);
    const over = await post(t, w.sessions.officer, 'transfers', {
      allocationId: a.id,
      amount: 3_000_001,
      date: '2026-03-06',
      bankReference: 'VIR-002',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'mis_ceiling_exceeded', details: { available: 3_000_000 } });
    const forced = await post(t, w.sessions.officer, 'transfers', {
      allocationId: a.id,
      amount: 3_000_001,
      date: '2026-03-06',
      bankReference: 'VIR-002',
      override: { reason: 'Frais bancaires inclus par erreur, régularisés au prochain virement' },
    });
    expect(forced.statusCode, forced.body).toBe(201);
    const line = forced.json() as Transfer;
    expect(line.override?.reason).toMatch(/Frais bancaires/);
    const audit = await t.db.query<{ action: string; changes: { override: { reason: string } } }>(
      `select action, changes from audit_log where entity = 'mis_transfers' and entity_id = $1`,
      [line.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create_over_ceiling');
    expect(audit[0]!.changes.override.reason).toMatch(/Frais bancaires/);
  });

  it('refuses a payment past its contract and a disbursement past its allocation', async () => {
    const { contractId } = await makeContract(t.db, w.tree.a.villages[2]!, 5_000_000);
    const pay = (amount: number) =>
      post(t, w.sessions.officer, 'payments', { contractId, amount, date: '2026-04-01', reference: 'OP-1' });
    expect((await pay(4_000_000)).statusCode).toBe(201);
    const over = await pay(1_000_001);
    expect(over.statusCode).toBe(409);
    expect(over.json().details).toEqual({ available: 1_000_000 });
    expect((await pay(1_000_000)).statusCode).toBe(201);

    const a = await allocate(w.tree.a.canton.id, 2_000_000);
    const disburse = (amount: number) =>
      post(t, w.sessions.officer, 'disbursements', { allocationId: a.id, amount, date: '2026-04-02' });
    expect((await disburse(2_000_000)).statusCode).toBe(201);
    expect((await disburse(1)).json()).toMatchObject({
      code: 'mis_ceiling_exceeded',
      details: { available: 0 },
    });
  });

  it('lets only one of two concurrent payments through when both would pass the ceiling alone', async () => {
    const { contractId } = await makeContract(t.db, w.tree.a.villages[1]!, 1_000_000);
    const results = await Promise.all(
      [600_000, 700_000].map((amount) =>
        post(t, w.sessions.officer, 'payments', { contractId, amount, date: '2026-04-03' }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [sum] = await t.db.query<{ paid: string }>(
      'select sum(amount)::text as paid from mis_payments where contract_id = $1',
      [contractId],
    );
    expect(Number(sum!.paid)).toBeLessThanOrEqual(1_000_000);
  });

  it('hides lines outside the jurisdiction: another region’s allocation is a 404', async () => {
    const a = await allocate(w.tree.a.canton.id, 1_000);
    const res = await post(t, w.sessions.officerB, 'transfers', {
      allocationId: a.id,
      amount: 10,
      date: '2026-03-05',
      bankReference: 'X',
    });
    expect(res.statusCode).toBe(404);
    const list = await get(t, w.sessions.officerB, 'allocations');
    expect((list.json() as { items: Allocation[] }).items.map((x) => x.id)).not.toContain(a.id);
  });
});

describe('reversals and disbursement requests', () => {
  it('cancel a line with a reversal, once; an allocation in use cannot be reversed', async () => {
    const a = await allocate(w.cvdA, 3_000_000, '1.3');
    const tr = await post(t, w.sessions.officer, 'transfers', {
      allocationId: a.id,
      amount: 1_000_000,
      date: '2026-05-01',
      bankReference: 'VIR-9',
    });
    const reverseA = () =>
      post(t, w.sessions.officer, `allocations/${a.id}/reversal`, { reason: 'Saisie en double' });
    expect((await reverseA()).json().code).toBe('mis_allocation_in_use');
    const rev = await post(t, w.sessions.officer, `transfers/${tr.json().id}/reversal`, {
      reason: 'Mauvais compte',
    });
    expect(rev.statusCode, rev.body).toBe(201);
    expect(rev.json()).toMatchObject({ reverses: tr.json().id, amount: 1_000_000 });
    const again = await post(t, w.sessions.officer, `transfers/${tr.json().id}/reversal`, {
      reason: 'Encore',
    });
    expect(again.json().code).toBe('mis_line_already_reversed');
    const listed = (await get(t, w.sessions.officer, `allocations?allocationId=${a.id}`)).json();
    expect(listed.items[0]).toMatchObject({ transferred: 0 });
    expect((await reverseA()).statusCode).toBe(201);
  });

  it('settle an approved request once; a pending one cannot be disbursed', async () => {
    const a = await allocate(w.tree.a.canton.id, 900_000, '1.2b');
    const req = await post(t, w.sessions.officer, 'disbursement-requests', {
      allocationId: a.id,
      amount: 500_000,
      date: '2026-05-02',
    });
    expect(req.json()).toMatchObject({ status: 'pending', amount: 500_000 });
    const disburse = () =>
      post(t, w.sessions.officer, 'disbursements', {
        allocationId: a.id,
        requestId: req.json().id,
        amount: 500_000,
        date: '2026-05-03',
      });
    expect((await disburse()).json().code).toBe('mis_request_state');
    const decided = await post(t, w.sessions.officer, `disbursement-requests/${req.json().id}/decision`, {
      decision: 'approved',
    });
    expect(decided.json()).toMatchObject({
      status: 'approved',
      decidedBy: { displayName: expect.any(String) },
    });
    expect((await disburse()).statusCode).toBe(201);
    expect((await disburse()).json().code).toBe('mis_request_state');
  });
});

describe('balances', () => {
  it('are derived after every kind of movement, per unit and component, with totals', async () => {
    // A world of its own (another country tree): its officer sees only the lines below.
    {
      const w2 = await makeFinanceWorld(t);
      const s = w2.sessions.officer;
      const ok = async (path: string, body: object) => {
        const res = await post(t, s, path, body);
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as { id: string };
      };
      const balance = async (query = '') => (await get(t, s, `balances${query}`)).json() as Balances;
      const a = await ok('allocations', {
        unitId: w2.tree.a.canton.id,
        component: '1.1',
        amount: 999_999_999_999,
        date: '2026-01-10',
      });
      await ok('allocations', {
        unitId: w2.tree.a.canton.id,
        component: '1.1',
        amount: 999_999_999_998,
        date: '2026-01-11',
      });
      const c = await ok('allocations', {
        unitId: w2.cvdA,
        component: '1.1',
        amount: 999_999_999_997,
        date: '2026-01-12',
      });
      let b = await balance();
      expect(b.totals.allocated).toBe(2_999_999_999_994);
      expect(b.rows).toHaveLength(2);
      await ok('transfers', {
        allocationId: a.id,
        amount: 500_000_000_001,
        date: '2026-02-01',
        bankReference: 'V1',
      });
      await ok('disbursement-requests', { allocationId: a.id, amount: 7, date: '2026-02-02' });
      await ok('disbursements', { allocationId: a.id, amount: 400_000_000_003, date: '2026-02-03' });
      await ok('disbursements', { allocationId: c.id, amount: 11, date: '2026-02-03' });
      // Paid on the CVD's row (the CVD holds a 1.1 allocation) and on the canton's row (a village outside it).
      const inCvd = await makeContract(t.db, w2.tree.a.villages[0]!, 100, { cvdId: w2.cvdA });
      const outside = await makeContract(t.db, w2.tree.a.villages[2]!, 1_000_000_000_000);
      await ok('payments', { contractId: inCvd.contractId, amount: 60, date: '2026-02-04' });
      const big = (await ok('payments', {
        contractId: outside.contractId,
        amount: 999_999_999_999,
        date: '2026-02-04',
      })) as Payment;
      b = await balance();
      const canton = b.rows.find((r) => r.unit.kind === 'canton')!;
      const cvd = b.rows.find((r) => r.unit.kind === 'cvd')!;
      expect(canton.amounts).toEqual({
        allocated: 1_999_999_999_997,
        transferred: 500_000_000_001,
        requested: 7,
        disbursed: 400_000_000_003,
        paid: 999_999_999_999,
        toTransfer: 1_499_999_999_996,
        toDisburse: 1_599_999_999_994,
        toPay: 400_000_000_003 - 999_999_999_999,
      });
      expect(cvd.amounts).toMatchObject({ allocated: 999_999_999_997, disbursed: 11, paid: 60, toPay: -49 });
      expect(b.totals).toMatchObject({
        allocated: 2_999_999_999_994,
        paid: 1_000_000_000_059,
        disbursed: 400_000_000_014,
      });
      await ok(`payments/${big.id}/reversal`, { reason: 'Ordre de paiement annulé par la banque' });
      b = await balance();
      expect(b.totals.paid).toBe(60);
      // Filters: component and area; another region's officer sees nothing of it.
      expect((await balance('?component=1.2a')).rows).toEqual([]);
      expect((await balance(`?within=${w2.tree.a.canton.id}`)).totals.allocated).toBe(2_999_999_999_994);
      expect((await balance(`?within=${w2.tree.b.canton.id}`)).rows).toEqual([]);
      const other = (await get(t, w2.sessions.officerB, 'balances')).json() as Balances;
      expect(other.totals.allocated).toBe(0);
      // No float column anywhere in the finance tables.
      const floats = await t.db.query(
        `select table_name, column_name from information_schema.columns
          where table_name like 'mis_%' and data_type in ('real', 'double precision')
            and table_name not in ('mis_subprojects')`,
      );
      expect(floats).toEqual([]);
    }
  });

  it('adds USD cents at the rate valid on the date asked', async () => {
    const s = w.sessions.officer;
    const missing = await get(t, s, 'balances?currency=usd&rateDate=1990-01-01');
    expect(missing.json().code).toBe('mis_exchange_rate_missing');
    expect(
      (await post(t, s, 'exchange-rates', { validFrom: '2026-01-01', xofPerUsd: '655.957' })).statusCode,
    ).toBe(201);
    expect(
      (await post(t, s, 'exchange-rates', { validFrom: '2026-01-01', xofPerUsd: '600' })).statusCode,
    ).toBe(409);
    expect(
      (await post(t, s, 'exchange-rates', { validFrom: '2026-06-01', xofPerUsd: '600' })).statusCode,
    ).toBe(201);
    const usd = (await get(t, s, 'balances?currency=usd&rateDate=2026-03-15')).json() as Balances;
    expect(usd.usd).toMatchObject({ rate: '655.957', validFrom: '2026-01-01' });
    // 655 957 FCFA is exactly 1 000 USD at 655.957: the cents follow the totals exactly.
    expect(usd.usd!.totalsCents.allocated).toBe(Math.round((usd.totals.allocated * 100) / 655.957));
    const later = (await get(t, s, 'balances?currency=usd&rateDate=2026-07-01')).json() as Balances;
    expect(later.usd?.rate).toBe('600');
  });
});
