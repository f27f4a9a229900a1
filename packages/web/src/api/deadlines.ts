import type { Holiday, SlaSettingsView as SlaSettings } from '@coso/domain';
import { http } from './client';

export type { Holiday, SlaSettingsView as SlaSettings } from '@coso/domain';

/** Business-day calendar and deadline settings of the grievance mechanism (server modules/grm/deadlines). */

export interface HolidayBody {
  date: string;
  labelFr: string;
  labelEn: string;
  kind: 'fixed' | 'movable';
}

export type SlaSettingsBody = Omit<SlaSettings, 'id' | 'updatedAt'>;

export const listHolidays = (year: number) =>
  http.get<{ items: Holiday[] }>('/api/v1/grm/holidays', { year }).then((r) => r.items);
export const addHoliday = (body: HolidayBody) => http.post<Holiday>('/api/v1/grm/holidays', body);
export const removeHoliday = (date: string) => http.delete(`/api/v1/grm/holidays/${date}`);
export const listSlaSettings = () =>
  http.get<{ items: SlaSettings[] }>('/api/v1/grm/sla-settings').then((r) => r.items);
export const saveSlaSettings = (body: SlaSettingsBody) =>
  http.put<SlaSettings>('/api/v1/grm/sla-settings', body);
