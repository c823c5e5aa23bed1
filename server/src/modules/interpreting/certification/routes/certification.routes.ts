import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../../../platform/http/app';
import { idempotentWrite } from '../../../../platform/http/idempotency';
import * as cert from '../certification.service';
import {
  addLanguageBody,
  admissionBody,
  attendanceBody,
  candidateDetailSchema,
  candidateIdParams,
  candidateSchema,
  certificateBody,
  createCandidateBody,
  entryTestBody,
  examBody,
  examIdParams,
  examResultBody,
  feedbackTalkBody,
  infoSessionBody,
  listCandidatesQuery,
  moduleBody,
  moduleIdParams,
  moduleResultBody,
} from '../certification.schema';

const tags = ['Interpreting: certification'];
const idempotencyHeader = z.object({ 'idempotency-key': z.string().optional() });
const BASE = '/api/v1/interpreting/certification';

export function registerCertificationRoutes(app: ZodApp, deps: AppDeps): void {
  /** A write with an optional Idempotency-Key; `status` is what a first success answers. */
  const write = <T>(status: number, run: (ctx: ReturnType<typeof actorContext>) => Promise<T>) =>
    async (request: Parameters<typeof actorContext>[0], reply: Parameters<typeof idempotentWrite>[3]) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({ status, body: await run(ctx) }));
    };
  const detail = { 200: candidateDetailSchema };

  app.post(
    `${BASE}/candidates`,
    { schema: { tags, summary: 'Register an interpreter candidate with the languages of the track', headers: idempotencyHeader, body: createCandidateBody, response: { 201: candidateDetailSchema } } },
    (request, reply) => write(201, (ctx) => cert.createCandidate(deps, ctx, request.body))(request, reply),
  );

  app.get(
    `${BASE}/candidates`,
    { schema: { tags, summary: 'Candidates with the stage of each language', querystring: listCandidatesQuery, response: { 200: z.object({ items: z.array(candidateSchema) }) } } },
    async (request) => ({ items: await cert.listCandidates(deps, actorContext(request), request.query) }),
  );

  app.get(
    `${BASE}/candidates/:id`,
    { schema: { tags, summary: 'A candidate’s whole track, with the steps the rules allow today', params: candidateIdParams, response: detail } },
    async (request) => cert.getCandidate(deps, actorContext(request), request.params.id),
  );

  app.post(
    `${BASE}/candidates/:id/languages`,
    { schema: { tags, summary: 'Follow the track for another language', params: candidateIdParams, headers: idempotencyHeader, body: addLanguageBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.addLanguage(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/info-session`,
    { schema: { tags, summary: 'Info session attended, with the B2 Dutch proof or the Dutch test (STV-12)', params: candidateIdParams, headers: idempotencyHeader, body: infoSessionBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.recordInfoSession(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/entry-tests`,
    { schema: { tags, summary: 'An entry-test attempt for a language; the number of retakes is limited (STV-12)', params: candidateIdParams, headers: idempotencyHeader, body: entryTestBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.recordEntryTest(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/admission`,
    { schema: { tags, summary: 'Admit to the basic training, only after a passed entry test (R-27)', params: candidateIdParams, headers: idempotencyHeader, body: admissionBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.admit(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/modules`,
    { schema: { tags, summary: 'Start module I, module II, the continuous course or a remediation module', params: candidateIdParams, headers: idempotencyHeader, body: moduleBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.startModule(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.put(
    `${BASE}/candidates/:id/modules/:moduleId/attendance`,
    { schema: { tags, summary: 'The hours attended so far (repeating it sets the same hours)', params: moduleIdParams, body: attendanceBody, response: detail } },
    async (request) => cert.recordModuleAttendance(deps, actorContext(request), request.params.id, request.params.moduleId, request.body),
  );

  app.post(
    `${BASE}/candidates/:id/modules/:moduleId/result`,
    { schema: { tags, summary: 'Module passed or failed; passing module I needs 80 % attendance (STV-12)', params: moduleIdParams, headers: idempotencyHeader, body: moduleResultBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.recordModuleResult(deps, ctx, request.params.id, request.params.moduleId, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/exams`,
    { schema: { tags, summary: 'Plan the certification exam for a language, with its jury (STV-13)', params: candidateIdParams, headers: idempotencyHeader, body: examBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.planExam(deps, ctx, request.params.id, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/exams/:examId/result`,
    { schema: { tags, summary: 'The two role plays, each pass/fail, or a cancellation; passing needs both (STV-13)', params: examIdParams, headers: idempotencyHeader, body: examResultBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.recordExamResult(deps, ctx, request.params.id, request.params.examId, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/exams/:examId/feedback-talk`,
    { schema: { tags, summary: 'The mandatory feedback talk after a failed exam, with its binding advice (R-28)', params: examIdParams, headers: idempotencyHeader, body: feedbackTalkBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.recordFeedbackTalk(deps, ctx, request.params.id, request.params.examId, request.body))(request, reply),
  );

  app.post(
    `${BASE}/candidates/:id/certificates`,
    { schema: { tags, summary: 'Issue the certificate for a language: it enters the register as certified', params: candidateIdParams, headers: idempotencyHeader, body: certificateBody, response: detail } },
    (request, reply) => write(200, (ctx) => cert.issueCertificate(deps, ctx, request.params.id, request.body))(request, reply),
  );
}
