import type { FormChoice, FormDefinition, FormField, FormText } from '../definition.js';
import { translatedHeader } from './columns.js';
import type { SheetRow, XlsSheets } from './sheets.js';
import { exportType } from './types.js';

/**
 * A definition → XLSForm sheets that ODK/KoboToolbox tools read, and that `importXlsForm` reads back to the
 * same definition: COSO's own types travel in the `coso_type` column (money as integer, yes/no as a select
 * on a generated yes/no list, signature as an image with the `signature` appearance), bindings in `indicator`.
 */
export function exportXlsForm(def: FormDefinition): XlsSheets {
  const choices: FormDefinition['choices'] = { ...def.choices };
  const yesNoList = yesNoListName(def, choices);
  const survey: Record<string, string>[] = [];
  const walk = (fields: readonly FormField[]) => {
    for (const f of fields) {
      survey.push(surveyCells(f, yesNoList));
      if (f.children) {
        walk(f.children);
        survey.push({ type: f.type === 'repeat' ? 'end_repeat' : 'end_group' });
      }
    }
  };
  walk(def.fields);

  const choiceRows: Record<string, string>[] = [];
  for (const [list, items] of Object.entries(choices))
    for (const c of items) choiceRows.push(choiceCells(list, c));

  const settings: Record<string, string> = {
    form_id: def.formId,
    version: def.version,
    form_title:
      def.title.default ?? def.title[def.defaultLanguage ?? ''] ?? Object.values(def.title)[0] ?? '',
  };
  for (const [lang, text] of Object.entries(def.title))
    if (lang !== 'default') settings[translatedHeader('form_title', lang)] = text;
  if (def.defaultLanguage) settings.default_language = def.defaultLanguage;
  for (const [key, value] of Object.entries(def.settings ?? {})) settings[key] ??= value;

  return { survey: numbered(survey), choices: numbered(choiceRows), settings: numbered([settings]) };
}

const numbered = (rows: Record<string, string>[]): SheetRow[] =>
  rows.map((cells, i) => ({ row: i + 2, cells }));

/** `yes_no`, unless the form has a list of that name already. */
function yesNoListName(def: FormDefinition, choices: FormDefinition['choices']): string | undefined {
  if (!def.fields.length || !hasYesNo(def.fields)) return undefined;
  let name = 'yes_no';
  for (let i = 2; choices[name]; i++) name = `coso_yes_no${i === 2 ? '' : `_${i}`}`;
  choices[name] = [
    { name: 'yes', label: { fr: 'Oui', en: 'Yes' } },
    { name: 'no', label: { fr: 'Non', en: 'No' } },
  ];
  return name;
}

const hasYesNo = (fields: readonly FormField[]): boolean =>
  fields.some((f) => f.type === 'yes_no' || (f.children ? hasYesNo(f.children) : false));

function putText(cells: Record<string, string>, column: string, text: FormText | undefined) {
  for (const [lang, value] of Object.entries(text ?? {})) cells[translatedHeader(column, lang)] = value;
}

const flag = (v: boolean | string | undefined) =>
  v === undefined ? undefined : v === true ? 'yes' : v === false ? 'no' : v;

function surveyCells(f: FormField, yesNoList: string | undefined): Record<string, string> {
  const yesNo = f.type === 'yes_no';
  const cells: Record<string, string> = {
    type: yesNo ? `select_one ${yesNoList}` : exportType(f.type, f.list, f.orOther),
    name: f.name,
  };
  putText(cells, 'label', f.label);
  putText(cells, 'hint', f.hint);
  const set = (column: string, value: string | undefined) => {
    if (value !== undefined && value !== '') cells[column] = value;
  };
  set('required', flag(f.required));
  putText(cells, 'required_message', f.requiredMessage);
  set('relevant', f.relevant);
  set('constraint', f.constraint);
  putText(cells, 'constraint_message', f.constraintMessage);
  set('calculation', f.calculation);
  set('default', f.default);
  set('read_only', flag(f.readOnly));
  set('choice_filter', f.choiceFilter);
  set('repeat_count', f.repeatCount);
  const appearance = f.type === 'signature' ? ['signature', ...(f.appearance ?? [])] : f.appearance;
  set('appearance', appearance?.join(' '));
  set(
    'parameters',
    f.parameters
      ? Object.entries(f.parameters)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : undefined,
  );
  set('indicator', f.indicator);
  if (f.type === 'money' || f.type === 'signature' || yesNo) cells.coso_type = f.type;
  return cells;
}

function choiceCells(list: string, c: FormChoice): Record<string, string> {
  const cells: Record<string, string> = { list_name: list, name: c.name };
  putText(cells, 'label', c.label);
  for (const [key, value] of Object.entries(c.data ?? {})) cells[key] ??= value;
  return cells;
}
