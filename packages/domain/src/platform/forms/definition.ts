import { z } from 'zod';

/**
 * A form as data (docs/decisions/0021-forms-as-data.md): the XLSForm shape (survey rows, choice lists,
 * settings) as a tree, so that importing an XLSForm is a mapping and not a translation. One definition drives
 * the desktop renderer, the field app and the server's validation of every submission.
 *
 * Answers (`FormAnswers`) are keyed by field name, flat across groups (names are unique in a form, as
 * XLSForm's `${name}` references require); a repeat's answer is an array of such objects, one per instance.
 * Values: text/date/time/datetime/select_one/calculate as strings (date `YYYY-MM-DD`, time `HH:MM`, datetime
 * ISO 8601), integer/decimal/money (whole FCFA) as numbers, yes_no as a boolean, select_multiple as an array
 * of choice names, geopoint as `{ lat, lon, alt?, accuracy? }`, image/audio/file/signature as the stored
 * attachment's reference. A select with `orOther` keeps the text of "other" under `<name>_other`.
 */

/** A text in several languages, keyed by language code (`fr`, `en`, …); `default` for an untagged column. */
export const formTextSchema = z.record(z.string().min(1).max(40), z.string().max(4000));
export type FormText = z.infer<typeof formTextSchema>;

export const FIELD_TYPES = [
  'text',
  'integer',
  'decimal',
  'money',
  'date',
  'time',
  'datetime',
  'yes_no',
  'select_one',
  'select_multiple',
  'geopoint',
  'image',
  'audio',
  'file',
  'signature',
  'note',
  'calculate',
  'group',
  'repeat',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types whose fields hold no answer of their own. */
export const CONTAINER_TYPES: readonly FieldType[] = ['group', 'repeat'];
export const ATTACHMENT_TYPES: readonly FieldType[] = ['image', 'audio', 'file', 'signature'];

/** XLSForm names: a letter or underscore, then letters, digits, `_`, `-`, `.` (as pyxform checks them). */
export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const name = z.string().regex(FIELD_NAME).max(100);
const expression = z.string().min(1).max(4000);

export interface FormField {
  type: FieldType;
  name: string;
  label?: FormText;
  hint?: FormText;
  /** true, or an expression (XLSForm allows `required` to be computed). */
  required?: boolean | string;
  requiredMessage?: FormText;
  relevant?: string;
  constraint?: string;
  constraintMessage?: FormText;
  calculation?: string;
  /** A literal default answer, as XLSForm writes it (`default` column). */
  default?: string;
  readOnly?: boolean | string;
  /** select_one / select_multiple: the name of the choice list in `choices`. */
  list?: string;
  orOther?: boolean;
  choiceFilter?: string;
  repeatCount?: string;
  /** XLSForm appearances, e.g. `field-list` (a group on one page), `multiline`, `minimal`. */
  appearance?: string[];
  /** What the answer means for reports, e.g. `participation.women_le35` (never a task id or position). */
  indicator?: string;
  /** Extra XLSForm parameters (e.g. `max-pixels`), kept for the export. */
  parameters?: Record<string, string>;
  /** group / repeat only. */
  children?: FormField[];
}

export const formFieldSchema: z.ZodType<FormField> = z.lazy(() =>
  z.strictObject({
    type: z.enum(FIELD_TYPES),
    name,
    label: formTextSchema.optional(),
    hint: formTextSchema.optional(),
    required: z.union([z.boolean(), expression]).optional(),
    requiredMessage: formTextSchema.optional(),
    relevant: expression.optional(),
    constraint: expression.optional(),
    constraintMessage: formTextSchema.optional(),
    calculation: expression.optional(),
    default: z.string().max(4000).optional(),
    readOnly: z.union([z.boolean(), expression]).optional(),
    list: name.optional(),
    orOther: z.boolean().optional(),
    choiceFilter: expression.optional(),
    repeatCount: expression.optional(),
    appearance: z.array(z.string().min(1).max(100)).max(20).optional(),
    indicator: z
      .string()
      .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/)
      .max(200)
      .optional(),
    parameters: z.record(z.string().max(100), z.string().max(1000)).optional(),
    children: z.array(formFieldSchema).max(2000).optional(),
  }),
);

/** One choice of a list; extra columns (e.g. `commune` for a cascading `choice_filter`) in `data`. */
export const formChoiceSchema = z.strictObject({
  name: z.string().min(1).max(200),
  label: formTextSchema,
  data: z.record(z.string().max(100), z.string().max(1000)).optional(),
});
export type FormChoice = z.infer<typeof formChoiceSchema>;

export const formDefinitionSchema = z.strictObject({
  /** The shape of this JSON (not the form's own version). */
  schemaVersion: z.literal(1),
  /** XLSForm `settings.form_id`: the form's stable identity across versions. */
  formId: name,
  /** XLSForm `settings.version`: a new version is a new definition; submissions keep theirs. */
  version: z.string().min(1).max(100),
  title: formTextSchema,
  /** The language of untagged texts and the first one shown (XLSForm `settings.default_language`). */
  defaultLanguage: z.string().max(40).optional(),
  /** Other settings kept for the export (e.g. `style`, `instance_name`). */
  settings: z.record(z.string().max(100), z.string().max(1000)).optional(),
  fields: z.array(formFieldSchema).min(1).max(2000),
  choices: z.record(name, z.array(formChoiceSchema).max(5000)),
});
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

export type FormValue =
  | string
  | number
  | boolean
  | string[]
  | { lat: number; lon: number; alt?: number; accuracy?: number }
  | FormAnswers[]
  | null;
export interface FormAnswers {
  [name: string]: FormValue;
}

/** Every field of the tree in document order, groups and repeats before their children. */
export function* walkFields(fields: readonly FormField[]): Generator<FormField> {
  for (const f of fields) {
    yield f;
    if (f.children) yield* walkFields(f.children);
  }
}

/** The text in `locale`, else in the form's default language, French, English, then any. */
export function formText(
  text: FormText | undefined,
  locale: string,
  defaultLanguage?: string,
): string | undefined {
  if (!text) return undefined;
  for (const lang of [locale, defaultLanguage, 'default', 'fr', 'en'])
    if (lang && text[lang] !== undefined) return text[lang];
  return Object.values(text)[0];
}
