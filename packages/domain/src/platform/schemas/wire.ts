import { z } from 'zod';

/**
 * Building blocks of the response contracts (docs/api.md). The routes declare these schemas as
 * `schema.response`: the serializer validates each answer and drops fields the schema does not name, and
 * OpenAPI documents them. The web client takes its types from them through `Wire<>`.
 */

/** A moment: a Date in the server's rows (timestamptz), an ISO 8601 string in the JSON. */
export const timestampSchema = z.union([z.date(), z.string()]).describe('ISO 8601 date-time');

/** A calendar date, YYYY-MM-DD (the drivers return `date` columns as text). */
export const calendarDateSchema = z.string().describe('Calendar date, YYYY-MM-DD');

/** A person as lists show them: id and display name (null once the account is gone). */
export const personRefSchema = z.object({ id: z.string(), displayName: z.string().nullable() });
export type PersonRef = z.infer<typeof personRefSchema>;

/** A keyset page: `nextCursor` goes back as `cursor` for the next page, null on the last one. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A whole list in one answer. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** 204: the answer has no body. */
export const noContentSchema = z.undefined().describe('No content');

/** Every 4xx answer (http/error-handler.ts): a stable code, a message in the caller's language. */
export const errorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** What a schema's value becomes in JSON: dates are strings. The web client's view of a contract. */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The JSON a response schema describes, e.g. `Contract<typeof userSchema>`. */
export type Contract<S extends z.ZodType> = Wire<z.output<S>>;
