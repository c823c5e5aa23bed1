import { z } from 'zod';
import { actorContext, type AppDeps, type ZodApp } from '../../platform/http/app';
import * as appointments from './portal-appointments';
import {
  activityBody,
  changeRequestQuery,
  createTaskBody,
  dossierParams,
  fileParams,
  handleBody,
  idParams,
  reviewBody,
  staffActivitySchema,
  staffChangeRequestSchema,
  staffTaskSchema,
} from './portal-data.schema';
import * as tasks from './portal-tasks';

const tags = ['Newcomer portal (staff)'];

/** The case workers' and planners' side of the portal: tasks and their review, the activity catalogue, change requests. */
export function registerPortalStaffRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/dossiers/:dossierId/portal-tasks',
    { schema: { tags, summary: 'Give the newcomer a task in their portal', params: dossierParams, body: createTaskBody, response: { 201: staffTaskSchema } } },
    async (request, reply) => reply.code(201).send(await tasks.giveTask(deps, actorContext(request), request.params.dossierId, request.body)),
  );
  app.get('/api/v1/dossiers/:dossierId/portal-tasks', { schema: { tags, summary: 'The portal tasks of a dossier with their files', params: dossierParams, response: { 200: z.object({ items: z.array(staffTaskSchema) }) } } }, async (request) =>
    tasks.dossierTasks(deps, actorContext(request), request.params.dossierId),
  );
  app.get('/api/v1/portal-tasks/:id/files/:fileId', { schema: { tags, summary: 'Download a file the newcomer uploaded', params: fileParams } }, async (request, reply) => {
    const file = await tasks.taskFile(deps, actorContext(request), request.params.id, request.params.fileId);
    // Always as a download: a file from outside is never shown inside the application's origin.
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .send(file.bytes);
  });
  app.post(
    '/api/v1/portal-tasks/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept or reject a submitted task; accepting a VDAB registration or a proof of participation records it in the dossier',
        params: idParams,
        body: reviewBody,
        response: { 200: staffTaskSchema },
      },
    },
    async (request) => tasks.reviewTask(deps, actorContext(request), request.params.id, request.body),
  );

  app.post('/api/v1/participation-activities', { schema: { tags, summary: 'Add a participation activity to the catalogue', body: activityBody, response: { 201: staffActivitySchema } } }, async (request, reply) =>
    reply.code(201).send(await tasks.addActivity(deps, actorContext(request), request.body)),
  );
  app.get('/api/v1/participation-activities', { schema: { tags, summary: 'The participation catalogue, inactive activities too', response: { 200: z.object({ items: z.array(staffActivitySchema) }) } } }, async (request) =>
    tasks.listActivities(deps, actorContext(request)),
  );

  app.get(
    '/api/v1/appointment-change-requests',
    { schema: { tags, summary: 'Newcomers’ requests to move an appointment, oldest first', querystring: changeRequestQuery, response: { 200: z.object({ items: z.array(staffChangeRequestSchema) }) } } },
    async (request) => appointments.listChangeRequests(deps, actorContext(request), request.query),
  );
  app.post(
    '/api/v1/appointment-change-requests/:id/handle',
    { schema: { tags, summary: 'Mark a change request handled, with a note for the record', params: idParams, body: handleBody, response: { 200: staffChangeRequestSchema } } },
    async (request) => appointments.handleChangeRequest(deps, actorContext(request), request.params.id, request.body.note),
  );
}
