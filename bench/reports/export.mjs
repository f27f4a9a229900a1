/**
 * Streamed export of every case the national grievance officer may see, written to /dev/null: the case list
 * (`--kind list`, the default: the same generator and CSV stream as GET /exports/complaints.csv) or the
 * analysts' dataset (`--kind analyst`: GET /exports/analyst.csv, one row per case with business-day
 * durations). Prints rows, time, bytes and this process's peak RSS. Run by run.mjs --export in its own
 * process, once per kind, so the peak is the export's.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadExportLabels } from '../../packages/server/dist/modules/complaints/export/columns.js';
import {
  complaintPages,
  complaintTable,
} from '../../packages/server/dist/modules/complaints/export/stream.js';
import { ANALYST_TABLE, analystPages } from '../../packages/server/dist/modules/exports/analyst.js';
import { counted, csvTable } from '../../packages/server/dist/modules/exports/table-stream.js';
import { loadActor, openBench } from './db.mjs';

const { values } = parseArgs({
  options: { pglite: { type: 'string' }, kind: { type: 'string', default: 'list' } },
});
const { db, services, close } = await openBench(values.pglite);
const actor = await loadActor(db, 'agent.grm');
// With PGlite the database runs in this process: its own memory is part of the peak RSS.
const openedMb = process.resourceUsage().maxRSS / 1024;

let rows = 0;
let bytes = 0;
const started = process.hrtime.bigint();
const count = (n) => {
  rows += n;
};
const stream =
  values.kind === 'analyst'
    ? csvTable(ANALYST_TABLE, counted(analystPages(db, actor, {}), count))
    : csvTable(
        complaintTable(await loadExportLabels(db)),
        counted(complaintPages(services.complaints, actor, { sort: 'received_desc' }), count),
      );
stream.on('data', (chunk) => {
  bytes += chunk.length;
});
await pipeline(stream, createWriteStream('/dev/null'));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nCSV export (${values.kind}): ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB (${openedMb.toFixed(0)} MB once the database was open)`,
);
await close();
