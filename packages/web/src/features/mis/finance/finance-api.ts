import type {
  allocationPageSchema,
  allocationSchema,
  BalancesQuery,
  balancesSchema,
  Contract,
  CreateAllocationInput,
  CreateDisbursementInput,
  CreatePaymentInput,
  CreateTransferInput,
  financeContractListSchema,
  financeContractSchema,
} from '@coso/domain';
import { http } from '../../../api/client';

/** The MIS finance API (server modules/mis/finance; contracts in domain modules/mis/schemas/finance.ts). */
export type Allocation = Contract<typeof allocationSchema>;
export type Balances = Contract<typeof balancesSchema>;
export type BalanceRow = Balances['rows'][number];
export type FinanceContract = Contract<typeof financeContractSchema>;
type AllocationPage = Contract<typeof allocationPageSchema>;
type ContractList = Contract<typeof financeContractListSchema>;

/** The lines the page's forms record, with their request bodies. */
export interface LineBodies {
  allocations: CreateAllocationInput;
  transfers: CreateTransferInput;
  disbursements: CreateDisbursementInput;
  payments: CreatePaymentInput;
}
export type LineKind = keyof LineBodies;

const base = '/api/v1/mis/finance';

export const financeApi = {
  balances: (query: Pick<BalancesQuery, 'within' | 'component'>) =>
    http.get<Balances>(`${base}/balances`, { ...query }),
  allocations: (query: { within?: string; component?: string }) =>
    http.get<AllocationPage>(`${base}/allocations`, { ...query, limit: 200 }),
  contracts: (q: string) => http.get<ContractList>(`${base}/contracts`, { q, limit: 20 }),
  record: <K extends LineKind>(kind: K, body: LineBodies[K]) => http.post<unknown>(`${base}/${kind}`, body),
};
