import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, PROBLEM_CODES, type FieldProblem, type ProblemCode } from '../errors';
import { translate, type ServerLocale } from '../i18n/i18n';

export const PROBLEM_TYPE_PREFIX = 'urn:kruispunt:problem:';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
  [extra: string]: unknown;
}

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns a zod issue into a field problem whose code selects a translated message. */
function fieldFromIssue(issue: ZodIssueLike, context: string | undefined): FieldProblem[] {
  const path = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  const where = context === 'body' || !context ? path : path ? `${context === 'querystring' ? 'query' : context}.${path}` : context;
  const p = issue.params;
  switch (issue.keyword) {
    case 'unrecognized_keys':
      return ((p.keys as string[]) ?? []).map((key) => ({ field: where ? `${where}.${key}` : key, code: 'unknown-field' }));
    case 'invalid_type':
      return [
        issue.message.includes('received undefined')
          ? { field: where || '(body)', code: 'required' }
          : { field: where || '(body)', code: 'wrong-type', values: { expected: String(p.expected) } },
      ];
    case 'too_big':
      return [{ field: where, code: p.origin === 'array' ? 'too-many' : 'too-long', values: { maximum: Number(p.maximum) } }];
    case 'too_small':
      return [{ field: where, code: p.origin === 'array' ? 'too-few' : Number(p.minimum) <= 1 ? 'required' : 'too-short', values: { minimum: Number(p.minimum) } }];
    case 'invalid_format':
      return [{ field: where, code: `format-${String(p.format ?? 'pattern')}` }];
    case 'invalid_value':
      return [{ field: where, code: 'not-allowed-value', values: { allowed: ((p.values as unknown[]) ?? []).join(', ') } }];
    case 'custom':
      return [{ field: where, code: String((p.params as { code?: string } | undefined)?.code ?? 'invalid') }];
    default:
      return [{ field: where, code: 'invalid' }];
  }
}

/** A refused dossier command says in words which rule refused it (refusal.<code>). */
function detailValues(locale: ServerLocale, code: ProblemCode, values: Record<string, string | number> | undefined) {
  if (code !== 'rule-violation' || values?.refusal === undefined) return values;
  return { ...values, reason: translate(locale, `refusal.${values.refusal}`, values) };
}

export function problemDocument(
  locale: ServerLocale,
  code: ProblemCode,
  status: number,
  instance: string,
  opts: { values?: Record<string, string | number>; fields?: FieldProblem[]; extra?: Record<string, unknown> } = {},
): ProblemDocument {
  const doc: ProblemDocument = {
    ...opts.extra,
    type: PROBLEM_TYPE_PREFIX + code,
    title: translate(locale, `problem.${code}.title`),
    status,
    detail: translate(locale, `problem.${code}.detail`, detailValues(locale, code, opts.values)),
    instance,
  };
  if (opts.fields?.length) {
    doc.errors = opts.fields.map((f) => ({
      field: f.field,
      code: f.code,
      message: translate(locale, `field.${f.code}`, { field: f.field, ...f.values }),
    }));
    if (code === 'validation') doc.detail = doc.errors.map((e) => `${e.field}: ${e.message}`).join(' ');
  }
  return doc;
}

/** Maps Fastify's own errors (body parsing, limits, validation) to problem codes. */
function classify(error: FastifyError): { code: ProblemCode; fields?: FieldProblem[] } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      code: 'validation',
      fields: (error.validation as unknown as ZodIssueLike[]).flatMap((i) => fieldFromIssue(i, error.validationContext)),
    };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload-too-large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'unsupported-media-type' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { code: 'malformed-json' };
  }
  if (error instanceof SyntaxError || error.statusCode === 400) return { code: 'malformed-json' };
  if (error.statusCode === 404) return { code: 'not-found' };
  if (error.statusCode === 429) return { code: 'too-many-requests' };
  return { code: 'internal' };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const locale = request.ctx?.locale ?? 'nl';
  let doc: ProblemDocument;
  if (error instanceof AppError) {
    doc = problemDocument(locale, error.code, error.status, request.url, error.options);
    for (const [k, v] of Object.entries(error.options.headers ?? {})) reply.header(k, v);
  } else {
    const { code, fields } = classify(error as FastifyError);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    doc = problemDocument(locale, code, PROBLEM_CODES[code], request.url, fields ? { fields } : {});
  }
  return reply.code(doc.status).type(PROBLEM_CONTENT_TYPE).send(doc);
}
