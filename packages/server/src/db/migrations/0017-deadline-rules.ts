/**
 * What happens when a complainant's answer window lapses without an answer (modules/grm/deadlines/scanner.ts):
 * `flag` records a "no answer" event on the case and notifies its handlers (the default: a person decides),
 * `close` closes the case with the outcome "no response", as if staff had recorded it.
 */
export const sql = /* sql */ `
alter table sla_settings add column answer_lapse text not null default 'flag'
  check (answer_lapse in ('flag', 'close'));
`;
