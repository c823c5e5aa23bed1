import { z } from 'zod';
import { invalidField } from '../../../platform/errors';
import { actorContext, type AppDeps, type ZodApp } from '../../../platform/http/app';
import { etagOf, expectedVersion } from '../../../platform/http/conditional';
import { idempotentWrite } from '../../../platform/http/idempotency';
import { dossierCommand, type DossierCommand, type DossierCommandType } from '../dossier/commands';
import * as trajectory from '../trajectory.service';
import { listNotifications, markNotificationRead, transferDossier } from '../trajectory.transfer';
import {
  caseloadItemSchema,
  caseloadQuery,
  dossierIdParams,
  dossierListItemSchema,
  dossierQuery,
  dossierSchema,
  notificationSchema,
  personDossiersParams,
  signUpBody,
  timelineEntrySchema,
  transferBody,
} from '../trajectory.schema';

const tags = ['Trajectory'];
const writeHeaders = z.object({
  'if-match': z.string().optional().describe('The version from the ETag, e.g. "3" (required)'),
  'idempotency-key': z.string().optional(),
});

/** One line per action for the API documentation, in the domain's words. */
const SUMMARY: Record<DossierCommandType, string> = {
  'record-intake': 'Record the intake (trajectbepaling); proposes target group and client profile',
  'decide-intake': 'Confirm or override the proposed target group (with a reason) and choose the profile',
  'sign-contract': 'Sign the civic-integration contract (inburgeringscontract); its date selects the rule set',
  'update-pip': 'Replace the personal civic-integration plan (PIP): goals and agreed steps',
  'record-situation': 'Record the work and study situation (decides whether participation is mandatory)',
  'record-mo-course': 'Record the social-orientation (MO) course: enrolment, hours attended, completion',
  'record-mo-test': 'Record an MO test or exemption test with core and practical scores',
  'record-mo-process-evaluation': 'Record the MO process evaluation (from 1 March 2023)',
  'record-nt2-enrolment': 'Record enrolment with a Dutch (NT2) course provider',
  'record-nt2-result': 'Record an NT2 course result (oral and written level)',
  'record-nt2-standardised-test': 'Record the standardised NT2 test and the skills passed at A2',
  'record-work-registration': 'Record registration with the employment service (VDAB or Actiris)',
  'record-participation': 'Record hours of a participation and network activity',
  'record-diploma-recognition-request': 'Record a diploma-recognition request (within 3 years of the contract)',
  'record-limited-learning-capacity': 'Record a finding of limited learning capacity (for a declaration of effort)',
  'start-suspension': 'Suspend the trajectory or postpone sign-up or contract, with reason and proof; issues the certificate',
  'end-suspension': 'End a running suspension early',
  'grant-exemption': 'Exempt an obligated person for whom a trajectory is permanently impossible; issues the certificate and closes',
  'issue-certificate': 'Issue the civic-integration certificate, proof of regular participation or declaration of effort; closes',
  'close': 'Close the dossier with a reason (left the target group, moved out of the area, deceased, other)',
  'record-change-of-circumstances': 'Record changed data (address, residence status, target group); annuls running infringements',
  'record-infringement': 'Record an infringement (inbreuk) of an obligated person',
  'send-notice-of-default': 'Send the notice of default (ingebrekestelling) with the term to comply',
  'record-compliance': 'Record that the person complied; ends the infringement without sanction',
  'hand-over-to-enforcement': 'Hand the file to the enforcement officer with the evidence, after the term expired',
  'assign-case-worker': 'Assign the dossier to a case worker (or none)',
};

export function registerTrajectoryRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/persons/:personId/dossiers',
    {
      schema: {
        tags,
        summary: 'Sign a person up (aanmelding): opens a trajectory dossier',
        params: personDossiersParams,
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: signUpBody,
        response: { 201: dossierSchema },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      return idempotentWrite(deps.db, ctx, request, reply, async () => {
        const dossier = await trajectory.signUp(deps, ctx, request.params.personId, { type: 'sign-up', ...request.body });
        return { status: 201, body: dossier, headers: { etag: etagOf(dossier.version), location: `/api/v1/dossiers/${dossier.id}` } };
      });
    },
  );

  app.get(
    '/api/v1/persons/:personId/dossiers',
    { schema: { tags, summary: 'The dossiers of a person, newest first', params: personDossiersParams, response: { 200: z.object({ items: z.array(dossierListItemSchema) }) } } },
    async (request) => ({ items: await trajectory.listPersonDossiers(deps, actorContext(request), request.params.personId) }),
  );

  app.get(
    '/api/v1/dossiers/:id',
    {
      schema: {
        tags,
        summary: 'A dossier with its pillars, certificate conditions, deadlines, follow-up and allowed actions (the read is logged)',
        params: dossierIdParams,
        querystring: dossierQuery,
        response: { 200: dossierSchema },
      },
    },
    async (request, reply) => {
      const dossier = await trajectory.getDossier(deps, actorContext(request), request.params.id, request.query.asOf);
      reply.header('etag', etagOf(dossier.version));
      return dossier;
    },
  );

  app.get(
    '/api/v1/dossiers/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Everything that happened in the dossier, from the journal, newest first (refused actions included)',
        params: dossierIdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
        response: { 200: z.object({ items: z.array(timelineEntrySchema) }) },
      },
    },
    async (request) => ({ items: await trajectory.dossierTimeline(deps, actorContext(request), request.params.id, request.query.limit) }),
  );

  for (const option of dossierCommand.options) {
    const type = option.shape.type.value as DossierCommandType;
    app.post(
      `/api/v1/dossiers/:id/actions/${type}`,
      {
        schema: {
          tags,
          summary: SUMMARY[type],
          description: 'Refused with 422 and the rule (R-/FL-/WF- id) when the rules do not allow it; the refusal is journaled.',
          params: dossierIdParams,
          headers: writeHeaders,
          body: (option as unknown as z.ZodObject).omit({ type: true }),
          response: { 200: dossierSchema },
        },
      },
      async (request, reply) => {
        const ctx = actorContext(request);
        const version = expectedVersion(request.headers['if-match']);
        return idempotentWrite(deps.db, ctx, request, reply, async () => {
          const command = { ...(request.body as object), type } as DossierCommand;
          const dossier = await trajectory.runCommand(deps, ctx, request.params.id, version, command);
          return { status: 200, body: dossier, headers: { etag: etagOf(dossier.version) } };
        });
      },
    );
  }

  app.get(
    '/api/v1/dossiers/:id/certificates/:certificateId/pdf',
    {
      schema: {
        tags,
        summary: 'An issued certificate as PDF, in the language of the request',
        params: z.object({ id: z.uuid(), certificateId: z.uuid() }),
        produces: ['application/pdf'],
      },
    },
    async (request, reply) => {
      const { number, pdf } = await trajectory.certificatePdf(deps, actorContext(request), request.params.id, request.params.certificateId);
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `inline; filename="${number}.pdf"`);
      return reply.send(Buffer.from(pdf));
    },
  );

  app.post(
    '/api/v1/dossiers/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Transfer the dossier with its history to the agency of the area the person moved to; that agency is notified',
        params: dossierIdParams,
        headers: writeHeaders,
        body: transferBody,
        response: { 200: z.object({ dossierId: z.uuid(), toAgency: z.string() }) },
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const version = expectedVersion(request.headers['if-match']);
      return idempotentWrite(deps.db, ctx, request, reply, async () => ({
        status: 200,
        body: await transferDossier(deps, ctx, request.params.id, version, request.body),
      }));
    },
  );

  app.get(
    '/api/v1/caseload',
    {
      schema: {
        tags,
        summary: 'Running dossiers sorted by urgency (overdue, due soon, upcoming), with their follow-up items (opvolgingslijst)',
        querystring: caseloadQuery,
        response: { 200: z.object({ items: z.array(caseloadItemSchema), next: z.string().nullable() }) },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      const { caseWorker, limit, after } = request.query;
      // An API token is nobody's case worker: "me" would silently mean everyone.
      if (caseWorker === 'me' && !ctx.actor.userId) throw invalidField('caseWorker', 'caseload-me-needs-user');
      return trajectory.caseload(deps, ctx, {
        caseWorkerId: caseWorker === 'me' ? ctx.actor.userId! : caseWorker === 'all' || caseWorker === 'unassigned' ? undefined : caseWorker,
        unassigned: caseWorker === 'unassigned',
        limit,
        after,
      });
    },
  );

  app.get(
    '/api/v1/enforcement/cases',
    {
      schema: {
        tags: ['Enforcement'],
        summary: 'Infringements handed over to the enforcement officer, with their evidence',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: {
          200: z.object({
            items: z.array(z.object({ dossierId: z.uuid(), personId: z.uuid(), targetGroup: z.string().nullable(), infringement: z.looseObject({ id: z.string(), status: z.string() }) })),
          }),
        },
      },
    },
    async (request) => ({ items: await trajectory.enforcementCases(deps, actorContext(request), request.query.limit) }),
  );

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Notices to the agency, such as dossiers transferred in',
        querystring: z.object({ unread: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ items: z.array(notificationSchema) }) },
      },
    },
    async (request) => ({ items: await listNotifications(deps, actorContext(request), request.query.unread === 'true') }),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    { schema: { tags, summary: 'Mark a notice as read', params: z.object({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await markNotificationRead(deps, actorContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
