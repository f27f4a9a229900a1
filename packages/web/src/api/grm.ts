import type {
  Committee,
  CommitteeKind,
  EscalationChain,
  RoutingPreview,
  RoutingRuleView as RoutingRule,
} from '@coso/domain';
import { http } from './client';
import type { Page } from './types';

export type {
  Committee,
  CommitteeKind,
  CommitteeMember,
  EscalationChain,
  RoutingPreview,
  RoutingRuleView as RoutingRule,
} from '@coso/domain';
export type HandlerCandidate = RoutingPreview['candidates'][number];

/** Grievance-mechanism configuration: committees, escalation chains, routing rules (see server grm-config). */

export interface CommitteeCreateBody {
  code: string;
  name: string;
  kind: CommitteeKind;
  unitId: string;
  memberIds: string[];
}

export interface CommitteeUpdateBody {
  code?: string;
  name?: string;
  memberIds?: string[];
  active?: boolean;
}

export interface CommitteeQuery {
  unit?: string;
  kind?: CommitteeKind | '';
  q?: string;
  cursor?: string | null;
  limit?: number;
}

export interface RoutingRuleBody {
  category: string | null;
  areaId: string | null;
  handlingLevel: string;
  committeeId: string | null;
  assigneeId: string | null;
  priority: number;
  active: boolean;
}

const grm = '/api/v1/grm';
const enc = encodeURIComponent;

export function listCommittees(query: CommitteeQuery): Promise<Page<Committee>> {
  return http.get<Page<Committee>>(`${grm}/committees`, { ...query });
}

export function createCommittee(body: CommitteeCreateBody): Promise<Committee> {
  return http.post<Committee>(`${grm}/committees`, body);
}

export function updateCommittee(id: string, body: CommitteeUpdateBody): Promise<Committee> {
  return http.patch<Committee>(`${grm}/committees/${enc(id)}`, body);
}

export function listChains(): Promise<{ items: EscalationChain[] }> {
  return http.get<{ items: EscalationChain[] }>(`${grm}/escalation-chains`);
}

export function saveChain(regionId: string | null, levels: string[]): Promise<EscalationChain> {
  const path = regionId ? `region/${enc(regionId)}` : 'default';
  return http.put<EscalationChain>(`${grm}/escalation-chains/${path}`, { levels });
}

export function deleteRegionChain(regionId: string): Promise<void> {
  return http.delete(`${grm}/escalation-chains/region/${enc(regionId)}`);
}

export function listRoutingRules(): Promise<{ items: RoutingRule[] }> {
  return http.get<{ items: RoutingRule[] }>(`${grm}/routing-rules`);
}

export function createRoutingRule(body: RoutingRuleBody): Promise<RoutingRule> {
  return http.post<RoutingRule>(`${grm}/routing-rules`, body);
}

export function updateRoutingRule(id: string, body: Partial<RoutingRuleBody>): Promise<RoutingRule> {
  return http.patch<RoutingRule>(`${grm}/routing-rules/${enc(id)}`, body);
}

export function deleteRoutingRule(id: string): Promise<void> {
  return http.delete(`${grm}/routing-rules/${enc(id)}`);
}

export function previewRouting(category: string, villageId: string): Promise<RoutingPreview> {
  return http.post<RoutingPreview>(`${grm}/routing-rules/preview`, { category, villageId });
}
