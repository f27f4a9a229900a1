/**
 * One export of every case the national grievance officer may see, written to /dev/null, in its own process
 * so that the peak RSS is the export's. Run by run.mjs --export, interleaved with its baseline.
 *
 *   node bench/reports/export.mjs --kind list|analyst --format csv|xlsx --mode export|copy [--pglite DIR]
 *
 * --mode export: the platform's export exactly as GET /exports/complaints.csv (kind list) or
 *   /exports/analyst.csv (kind analyst) and the background jobs stream it: openExport (scope, filters,
 *   keyset pages) into EXPORT_FORMATS[format] (CSV or XLSX writer).
 * --mode copy: the baseline, a bare `COPY (…) TO STDOUT (format csv)` through psql of the same rows, columns
 *   and order, with the labels joined in SQL (list) or the same columns the dataset's query reads (analyst);
 *   no scope rule, no formula guard. PostgreSQL only.
 *
 * Prints one JSON line: rows, bytes, seconds, peak RSS (MB).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openExport } from '../../packages/server/dist/modules/grm/exports/sources.js';
import { counted, EXPORT_FORMATS } from '../../packages/server/dist/platform/exports/table-stream.js';
import { loadActor, openBench } from './db.mjs';

const { values } = parseArgs({
  options: {
    pglite: { type: 'string' },
    kind: { type: 'string', default: 'list' },
    format: { type: 'string', default: 'csv' },
    mode: { type: 'string', default: 'export' },
  },
});

/** The case list's columns, labels and order (complaints/export/columns.ts), as plain SQL. */
const LIST_COPY = `
select c.tracking_code, c.reference, to_char(c.received_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),
       t.label_fr, k.label_fr, ch.label_fr,
       case c.status when 'received' then 'Reçue' when 'acknowledged' then 'Réception accusée'
         when 'ineligible' then 'Non recevable' when 'in_progress' then 'En cours de traitement'
         when 'resolution_proposed' then 'Résolution proposée' when 'closed' then 'Clôturée'
         when 'appealed' then 'En appel' when 'unresolved' then 'Non résolue' when 'escalated' then 'Escaladée'
         when 'withdrawn' then 'Retirée' else 'Orientée hors projet' end,
       v.name, l.label_fr, a.display_name, g.label_fr, ag.label_fr, c.escalation_count
  from complaints c
  join geo_units v on v.id = c.village_id
  left join users a on a.id = c.assignee_id
  left join geo_levels l on l.code = c.handling_level
  left join reference_items t on t.list = 'type' and t.code = c.type_code
  left join reference_items k on k.list = 'category' and k.code = c.category_code
  left join reference_items ch on ch.list = 'channel' and ch.code = c.channel_code
  left join reference_items g on g.list = 'gender' and g.code = c.gender
  left join reference_items ag on ag.list = 'age_group' and ag.code = c.age_group
 where not c.sensitive
 order by c.received_at desc, c.id desc`;

/** The columns the analysts' dataset reads per case, in its order (exports/analyst.ts). */
const ANALYST_COPY = `
select c.reference, c.received_at::date, c.type_code, c.category_code, c.channel_code, c.sensitive, c.status,
       c.closure_outcome, c.area_path, c.handling_level, c.complainant_kind, c.group_size, c.anonymous,
       c.gender, c.age_group, array_to_string(c.vulnerabilities, '|'), c.escalation_count, c.appeal_count,
       c.satisfaction, c.subproject_ref, c.published_at is not null, c.acknowledged_at::date,
       c.resolution_proposed_at::date, c.closed_at::date, c.next_due_date, da.due_date, da.met_at::date,
       dr.due_date, dr.met_at::date
  from complaints c
  left join complaint_deadlines da on da.complaint_id = c.id and da.kind = 'acknowledge'
  left join complaint_deadlines dr on dr.complaint_id = c.id and dr.kind = 'resolve'
 where not c.sensitive
 order by c.received_at, c.id`;

let started = process.hrtime.bigint();
let rows = 0;
let bytes = 0;
if (values.mode === 'copy') {
  if (!process.env.DATABASE_URL) throw new Error('--mode copy needs DATABASE_URL (PostgreSQL)');
  const sql = values.kind === 'analyst' ? ANALYST_COPY : LIST_COPY;
  const psql = spawn(
    'psql',
    [process.env.DATABASE_URL, '-qAt', '-c', `copy (${sql}) to stdout (format csv)`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  for await (const chunk of psql.stdout) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows += 1;
  }
  const code = await new Promise((resolve) => psql.on('close', resolve));
  if (code !== 0) throw new Error(`psql exited with ${code}`);
} else {
  const { db, close } = await openBench(values.pglite);
  const actor = await loadActor(db, 'agent.grm');
  // Timed from here: opening the database (migration check, services) is not the export's work.
  started = process.hrtime.bigint();
  const kind = values.kind === 'analyst' ? 'analyst' : 'complaints';
  const filters = kind === 'complaints' ? { sort: 'received_desc' } : {};
  const { table, pages } = await openExport(db, actor, kind, filters);
  const stream = EXPORT_FORMATS[values.format].stream(
    table,
    counted(pages, (n) => {
      rows += n;
    }),
  );
  stream.on('data', (chunk) => {
    bytes += chunk.length;
  });
  await pipeline(stream, createWriteStream('/dev/null'));
  await close();
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ ...values, rows, bytes, seconds, peakMb }));
