import { ERRORS, type ErrorCode, errorMessage, localeFromAcceptLanguage } from '@coso/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, type FieldIssue } from './app-error.js';

function zodIssues(error: ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((i) => ({ path: prefix + i.path.join('.'), message: i.message }));
}

interface FastifyValidationItem {
  instancePath?: string;
  message?: string;
}

/** Fastify's schema validation (through the zod type provider) reports paths like "/roles/0". */
function fastifyIssues(error: FastifyError): FieldIssue[] {
  const context = error.validationContext;
  const prefix = context && context !== 'body' ? `${context === 'querystring' ? 'query' : context}.` : '';
  return ((error.validation ?? []) as FastifyValidationItem[]).map((v) => ({
    path: prefix + (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.'),
    message: v.message ?? 'invalid',
  }));
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  406: 'bad_request',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

function classify(error: unknown): { code: ErrorCode; details?: unknown; headers?: Record<string, string> } {
  if (error instanceof AppError) return { code: error.code, details: error.details, headers: error.headers };
  if (error instanceof ZodError) return { code: 'validation_error', details: zodIssues(error) };
  const fe = error as FastifyError;
  if (fe.validation) return { code: 'validation_error', details: fastifyIssues(fe) };
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) return { code: STATUS_CODES[status] ?? 'bad_request' };
  return { code: 'internal_error' };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  details?: unknown,
  headers: Record<string, string> = {},
) {
  const locale = localeFromAcceptLanguage(request.headers['accept-language']);
  return reply
    .status(ERRORS[code].status)
    .headers(headers)
    .send({ code, message: errorMessage(code, locale), ...(details === undefined ? {} : { details }) });
}

/** Every error answers `{ code, message, details? }`; only a bug answers 500, and it is logged. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const { code, details, headers } = classify(error);
    if (code === 'internal_error') request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, code, details, headers);
  });
}
