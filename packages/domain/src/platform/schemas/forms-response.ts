import { z } from 'zod';
import { formDefinitionSchema, formTextSchema } from '../forms/definition.js';
import { type Contract, pageOf, personRefSchema, timestampSchema } from './wire.js';

/**
 * The forms API's contracts (issue #14, docs/api.md "Forms"): requests and answers of /api/v1/forms, and the
 * `form.submit` sync mutation's payload, shared by the server, the web app and the field app.
 */

/** Answers as they travel: keyed by field name; the form engine (validate, normalizeAnswers) checks them. */
export const formAnswersSchema = z
  .record(z.string().max(200), z.unknown())
  .describe('Answers keyed by field name (a repeat: an array of such objects)');

/** One published version of a form. */
export const formVersionSchema = z.object({
  id: z.string().describe('The version id: what submissions and the other routes name'),
  formId: z.string().describe('XLSForm settings.form_id: the form across its versions'),
  version: z.string(),
  title: formTextSchema,
  fieldCount: z.number().int(),
  createdAt: timestampSchema,
  createdBy: personRefSchema.nullable(),
});
export type FormVersion = Contract<typeof formVersionSchema>;

/** GET /api/v1/forms: each form with its versions, latest first. */
export const formListSchema = z.object({
  items: z.array(
    z.object({
      formId: z.string(),
      title: formTextSchema.describe("The latest version's title"),
      versions: z.array(formVersionSchema),
    }),
  ),
});
export type FormList = Contract<typeof formListSchema>;

/** GET /api/v1/forms/:id: a version with its definition. */
export const formDetailSchema = formVersionSchema.extend({ definition: formDefinitionSchema });
export type FormDetail = Contract<typeof formDetailSchema>;

export const formImportQuerySchema = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
});

/** POST /api/v1/forms/import as JSON: a KoboToolbox asset's `content` (survey, choices, settings). */
export const formImportKoboSchema = z.strictObject({
  kobo: z.record(z.string(), z.unknown()).describe("The asset's content: { survey, choices, settings }"),
});

/** One problem of an imported XLSForm, where it is in the workbook; `reason` in the caller's language. */
export const formImportProblemSchema = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  reason: z.string(),
});
export type FormImportProblem = Contract<typeof formImportProblemSchema>;

/** The import's report: the form's summary (id null on a dry run) and every problem found. */
export const formImportResultSchema = z.object({
  form: z
    .object({
      id: z.string().nullable(),
      formId: z.string(),
      version: z.string(),
      title: formTextSchema,
      fieldCount: z.number().int(),
    })
    .nullable()
    .describe('Null when the workbook is too broken to read a form from it'),
  problems: z.array(formImportProblemSchema),
});
export type FormImportResult = Contract<typeof formImportResultSchema>;

export const formValidateRequestSchema = z.strictObject({ answers: formAnswersSchema });

/** One refused answer; `field` is the field's name (in a repeat: `repeat[index].name`). */
export const formFieldErrorSchema = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FormFieldError = Contract<typeof formFieldErrorSchema>;

export const formValidationSchema = z.object({ valid: z.boolean(), errors: z.array(formFieldErrorSchema) });
export type FormValidation = Contract<typeof formValidationSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/** POST /api/v1/forms/:id/submissions: the id is the client's (a retry writes nothing twice). */
export const formSubmissionRequestSchema = z.strictObject({
  id: z.uuid(),
  answers: formAnswersSchema,
  startedAt: isoDateTime.optional(),
  completedAt: isoDateTime.optional(),
});

/** The `form.submit` sync mutation (docs/sync.md): the same submission, naming the form version it filled. */
export const formSubmitPayloadSchema = formSubmissionRequestSchema.extend({ formVersionId: z.uuid() });
export type FormSubmitPayload = z.infer<typeof formSubmitPayloadSchema>;

export const formSubmissionSchema = z.object({
  id: z.string(),
  formVersionId: z.string(),
  answers: z.record(z.string(), z.unknown()),
  submittedBy: personRefSchema,
  startedAt: timestampSchema.nullable(),
  completedAt: timestampSchema.nullable(),
  submittedAt: timestampSchema,
});
export type FormSubmission = Contract<typeof formSubmissionSchema>;

export const formSubmissionPageSchema = pageOf(formSubmissionSchema);

export const formSubmissionListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
