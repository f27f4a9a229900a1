import { http } from './client';

/** Business-day calendar and deadline settings of the grievance mechanism (server modules/grm/deadlines). */

export interface Holiday {
  date: string;
  labelFr: string;
  labelEn: string;
  kind: 'fixed' | 'movable';
  /** computed: Togolese fixed and Easter-derived holidays; entered: added by an administrator. */
  source: 'computed' | 'entered';
}

export interface HolidayBody {
  date: string;
  labelFr: string;
  labelEn: string;
  kind: 'fixed' | 'movable';
}

export interface SlaSettings {
  id: string;
  level: string | null;
  category: string | null;
  acknowledgeDays: number;
  resolveDays: number;
  answerDays: number;
  appealDays: number;
  reminderDays: number;
  autoEscalate: boolean;
  /** What happens when the complainant's answer window lapses: an "answer lapsed" flag, or closure. */
  answerLapse: 'flag' | 'close';
  updatedAt: string;
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
