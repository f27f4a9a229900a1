import { randomBytes } from 'node:crypto';
import { exportXlsForm, type FormDefinition, importXlsForm, walkFields } from '@coso/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, makeTree, makeUser, type Session, type TestApp } from '../../test/harness.js';
import { DEMO_FORM } from './demo-form.js';
import { readXlsx, writeXlsx } from './xlsx.js';

/** XLSForm import (dry run, publish, refusals), KoboToolbox JSON, and the download's round trip. */

let t: TestApp;
let admin: Session;
let specialist: Session;
let facilitator: Session;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.db);
  admin = await login(t, (await makeUser(t, ['admin'], [tree.country])).username);
  specialist = await login(t, (await makeUser(t, ['cdd_specialist'], [tree.country])).username);
  facilitator = await login(t, (await makeUser(t, ['facilitator'], tree.a.villages)).username);
});
afterAll(() => t.close());

function multipart(content: Buffer, filename = 'form.xlsx') {
  const boundary = `coso${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const workbook = (def: FormDefinition) => writeXlsx(exportXlsForm(def));

async function importFile(session: Session, content: Buffer, dryRun: boolean, lang = 'fr') {
  const { payload, contentType } = multipart(content);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/forms/import?dryRun=${dryRun}`,
    headers: { ...session.headers, 'content-type': contentType, 'accept-language': lang },
    payload,
  });
}

const formCount = async () => (await t.db.query('select 1 from forms')).length;

describe('XLSForm import', () => {
  it('dry-runs, then publishes (audited), then refuses the same version again with 409', async () => {
    const content = await workbook(DEMO_FORM);
    const dry = await importFile(specialist, content, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().form).toMatchObject({
      id: null,
      formId: DEMO_FORM.formId,
      version: '2027-01',
      fieldCount: 14,
    });
    expect(dry.json().problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
    expect(await formCount()).toBe(0);

    const published = await importFile(specialist, content, false);
    expect(published.statusCode, published.body).toBe(201);
    const id = published.json().form.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const detail = (await t.app.inject({ url: `/api/v1/forms/${id}`, headers: facilitator.headers })).json();
    expect(detail.definition.fields.map((f: { name: string }) => f.name)).toEqual(
      DEMO_FORM.fields.map((f) => f.name),
    );
    const audit = await t.db.query(
      'select 1 from audit_log where entity = $1 and entity_id = $2 and action = $3',
      ['form', id, 'publish'],
    );
    expect(audit).toHaveLength(1);

    const again = await importFile(specialist, content, false);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('form_version_exists');
    expect(await formCount()).toBe(1);
  });

  it('lists the problems of a broken form (reasons in the language asked) and refuses to publish it with 422', async () => {
    const sheets = exportXlsForm({ ...DEMO_FORM, version: 'broken' });
    sheets.survey[1]!.cells.type = 'no_such_type';
    const content = await writeXlsx(sheets);
    const dry = await importFile(specialist, content, true, 'en');
    expect(dry.statusCode).toBe(200);
    const errors = dry.json().problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({
      sheet: 'survey',
      row: sheets.survey[1]!.row,
      reason: expect.any(String),
    });
    const fr = (await importFile(specialist, content, true, 'fr')).json().problems[0].reason;
    expect(fr).not.toBe(dry.json().problems[0].reason);

    const before = await formCount();
    const publish = await importFile(specialist, content, false);
    expect(publish.statusCode).toBe(422);
    expect(publish.json().code).toBe('xlsform_invalid');
    expect(publish.json().details.problems.length).toBeGreaterThan(0);
    expect(await formCount()).toBe(before);
  });

  it("imports a KoboToolbox asset's JSON content", async () => {
    const kobo = {
      survey: [
        { type: 'integer', name: 'menages', label: ['Nombre de ménages'], required: true, $kuid: 'a1' },
        { type: 'select_one', select_from_list_name: 'oui_non', name: 'eau', label: ["Point d'eau ?"] },
      ],
      choices: [
        { list_name: 'oui_non', name: 'oui', label: ['Oui'] },
        { list_name: 'oui_non', name: 'non', label: ['Non'] },
      ],
      settings: { form_id: 'kobo_menages', version: '3', form_title: 'Ménages' },
      translations: [null],
      translated: ['label'],
    };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/import?dryRun=false',
      headers: admin.headers,
      payload: { kobo },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().form).toMatchObject({ formId: 'kobo_menages', version: '3', fieldCount: 2 });
  });

  it('downloads a version as an XLSForm that imports back to the same definition', async () => {
    const list = (await t.app.inject({ url: '/api/v1/forms', headers: facilitator.headers })).json();
    const version = list.items.find((f: { formId: string }) => f.formId === DEMO_FORM.formId).versions[0];
    const res = await t.app.inject({
      url: `/api/v1/forms/${version.id}/xlsform`,
      headers: facilitator.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${DEMO_FORM.formId}-2027-01.xlsx"`,
    );
    const read = await readXlsx(res.rawPayload);
    const back = importXlsForm(read.sheets!);
    expect([...walkFields(back.definition!.fields)].map((f) => [f.name, f.type])).toEqual(
      [...walkFields(DEMO_FORM.fields)].map((f) => [f.name, f.type]),
    );
    expect(back.definition!.choices).toEqual(DEMO_FORM.choices);
  });
});

describe('bad imports', () => {
  it('answers 403 to a facilitator, even on a dry run', async () => {
    const res = await importFile(facilitator, await workbook(DEMO_FORM), true);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a file that is not a workbook (415), a too big one (413), bad JSON and JSON without kobo (400)', async () => {
    const text = await importFile(specialist, Buffer.from('type,name\ntext,nom\n'), true);
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('unsupported_media_type');
    const big = await importFile(
      specialist,
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(6 * 1024 * 1024)]),
      true,
    );
    expect(big.statusCode).toBe(413);
    const json = { ...specialist.headers, 'content-type': 'application/json' };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/import',
      headers: json,
      payload: '{"kobo":',
    });
    expect(bad.statusCode).toBe(400);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/import',
      headers: json,
      payload: '{}',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('validation_error');
    const notKobo = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms/import',
      headers: json,
      payload: { kobo: { hello: 1 } },
    });
    expect(notKobo.statusCode).toBe(200);
    expect(notKobo.json()).toMatchObject({ form: null, problems: [{ sheet: 'file', severity: 'error' }] });
  });
});
