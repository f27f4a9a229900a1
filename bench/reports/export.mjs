/**
 * CSV export of every case the national grievance officer may see, through the platform's streaming export
 * (the same generator and CSV stream as GET /complaints/export.csv), written to /dev/null. Prints rows, time,
 * bytes and this process's peak RSS. Run by run.mjs --export in its own process so the peak is the export's.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { toAuthUser } from '../../packages/server/dist/modules/auth/service.js';
import { loadExportLabels } from '../../packages/server/dist/modules/complaints/export/columns.js';
import { complaintPages, csvStream } from '../../packages/server/dist/modules/complaints/export/stream.js';
import { findUserById } from '../../packages/server/dist/modules/users/repo.js';
import { openBench } from './db.mjs';

const { values } = parseArgs({ options: { pglite: { type: 'string' } } });
const { db, services, close } = await openBench(values.pglite);
const [row] = await db.query(`select id from users where username = 'agent.grm'`);
const actor = toAuthUser(await findUserById(db, row.id));
const labels = await loadExportLabels(db);

let rows = 0;
let bytes = 0;
const started = process.hrtime.bigint();
async function* counted() {
  for await (const page of complaintPages(services.complaints, actor, { sort: 'received_desc' })) {
    rows += page.length;
    yield page;
  }
}
const out = createWriteStream('/dev/null');
const stream = csvStream(counted(), labels);
stream.on('data', (chunk) => {
  bytes += chunk.length;
});
await pipeline(stream, out);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nCSV export: ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s, peak RSS ${peakMb.toFixed(0)} MB`,
);
await close();
