import fastifyMultipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_BYTES, type UploadSettings } from '../../platform/config';
import { AppError, invalidField } from '../../platform/errors';
import { ICS_CONTENT_TYPE } from '../../platform/ical';
import type { AppDeps, ZodApp } from '../../platform/http/app';
import { myAccessLog } from './portal-access-log';
import * as appointments from './portal-appointments';
import {
  accessLogQuery,
  accessLogSchema,
  activitySchema,
  appointmentSchema,
  changeRequestBody,
  changeRequestSchema,
  documentParams,
  documentSchema,
  fileSchema,
  idParams,
  submitTaskBody,
  taskSchema,
  trajectorySchema,
} from './portal-data.schema';
import { myDocumentPdf, myDocuments } from './portal-documents';
import { portalContextOf } from './portal-identity';
import { registerPortalStaffRoutes } from './portal-staff.routes';
import * as tasks from './portal-tasks';
import { myTrajectory } from './portal-trajectory';
import { cleanFileName } from './uploads';

const tags = ['Newcomer portal'];
const portal = { access: 'portal' as const };
const DEFAULT_UPLOADS: UploadSettings = { maxBytes: DEFAULT_UPLOAD_MAX_BYTES, clamavUrl: null };

/**
 * What the newcomer sees in their portal (issue 6 §2–§6), and the staff side of it. Every portal
 * route takes the person from the session, never from the URL; ids in URLs are of the person's own
 * items, and anyone else's answers 404.
 */
export function registerPortalDataRoutes(app: ZodApp, deps: AppDeps): void {
  const uploads = deps.uploads ?? DEFAULT_UPLOADS;

  app.get('/api/v1/portal/trajectory', { config: portal, schema: { tags, summary: 'My trajectory: the four pillars, next steps with their dates, what the certificate still needs, my team', response: { 200: trajectorySchema } } }, async (request) =>
    myTrajectory(deps, portalContextOf(request.ctx)),
  );

  app.get('/api/v1/portal/appointments', { config: portal, schema: { tags, summary: 'My appointments: course sessions, tests, NT2 conversations and course starts, with place and map link', response: { 200: z.object({ items: z.array(appointmentSchema) }) } } }, async (request) =>
    appointments.myAppointments(deps, portalContextOf(request.ctx)),
  );
  app.get('/api/v1/portal/appointments.ics', { config: portal, schema: { tags, summary: 'My appointments as an iCalendar file', produces: [ICS_CONTENT_TYPE] } }, async (request, reply) => {
    const ics = await appointments.myAppointmentsCalendar(deps, portalContextOf(request.ctx));
    return reply.header('content-type', ICS_CONTENT_TYPE).header('content-disposition', 'attachment; filename="kruispunt-appointments.ics"').send(ics);
  });
  app.post(
    '/api/v1/portal/appointments/:id/change-request',
    { config: portal, schema: { tags, summary: 'Ask to move one of my appointments; the planner handles it', params: idParams, body: changeRequestBody, response: { 201: changeRequestSchema } } },
    async (request, reply) => reply.code(201).send(await appointments.requestChange(deps, portalContextOf(request.ctx), request.params.id, request.body)),
  );

  app.get('/api/v1/portal/tasks', { config: portal, schema: { tags, summary: 'My tasks with their files', response: { 200: z.object({ items: z.array(taskSchema) }) } } }, async (request) =>
    tasks.myTasks(deps, portalContextOf(request.ctx)),
  );
  app.post(
    '/api/v1/portal/tasks/:id/submit',
    { config: portal, schema: { tags, summary: 'Hand in a task (with the chosen activity, if any) for the case worker to review', params: idParams, body: submitTaskBody, response: { 200: taskSchema } } },
    async (request) => tasks.submitTask(deps, portalContextOf(request.ctx), request.params.id, request.body),
  );
  app.get('/api/v1/portal/participation-activities', { config: portal, schema: { tags, summary: 'The participation activities I can choose from', response: { 200: z.object({ items: z.array(activitySchema) }) } } }, async (request) =>
    tasks.myActivities(deps, portalContextOf(request.ctx)),
  );

  // Multipart is parsed on this one route only: everywhere else the API takes JSON bodies up to 256 KB.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: uploads.maxBytes, files: 1, fieldNameSize: 100, fields: 10, headerPairs: 100 } });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/portal/tasks/:id/files',
      {
        config: portal,
        schema: {
          tags,
          summary: 'Add a file to my task: multipart/form-data, field "file"; a PDF or a photo (JPEG, PNG, HEIC/HEIF, WebP), judged by its bytes',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: fileSchema },
        },
      },
      async (request, reply) => {
        const ctx = portalContextOf(request.ctx);
        await tasks.checkUploadTarget(deps, ctx, request.params.id);
        const part = await request.file().catch((error: { code?: string }) => {
          if (error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return undefined;
          throw error;
        });
        if (!part || part.fieldname !== 'file') throw invalidField('file', 'required');
        const bytes = await part.toBuffer().catch((error: { code?: string }) => {
          if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('upload-too-large', { values: { maximum: megabytes(uploads.maxBytes) } });
          throw error;
        });
        if (bytes.length === 0) throw invalidField('file', 'required');
        return reply.code(201).send(await tasks.addFile(deps, ctx, uploads, request.params.id, { name: cleanFileName(part.filename), bytes }));
      },
    );
  });

  app.get('/api/v1/portal/documents', { config: portal, schema: { tags, summary: 'My documents: contract, personal plan, certificates and letters', response: { 200: z.object({ items: z.array(documentSchema) }) } } }, async (request) =>
    myDocuments(deps, portalContextOf(request.ctx)),
  );
  app.get(
    '/api/v1/portal/documents/:id.pdf',
    { config: portal, schema: { tags, summary: 'One of my documents as PDF: the Dutch text, with a summary in my language first', params: documentParams, produces: ['application/pdf'] } },
    async (request, reply) => {
      const { filename, pdf } = await myDocumentPdf(deps, portalContextOf(request.ctx), request.params.id);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).send(Buffer.from(pdf));
    },
  );

  app.get('/api/v1/portal/access-log', { config: portal, schema: { tags, summary: 'Who looked at or changed my data, in which role and why (not my own use of the portal)', querystring: accessLogQuery, response: { 200: accessLogSchema } } }, async (request) =>
    myAccessLog(deps, portalContextOf(request.ctx), request.query),
  );

  registerPortalStaffRoutes(app, deps);
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
