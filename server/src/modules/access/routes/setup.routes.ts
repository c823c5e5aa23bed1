import { type AppDeps, type ZodApp } from '../../../platform/http/app';
import { completeSetup } from '../administration.service';
import { setupBody, userSchema } from '../access.schema';

export function registerSetupRoutes(app: ZodApp, deps: AppDeps): void {
  app.post(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Session'],
        summary: 'Create the first administrator with the one-time set-up link printed on first start',
        body: setupBody,
        response: { 201: userSchema },
        security: [],
      },
    },
    async (request, reply) => {
      const user = await completeSetup(deps, request.body);
      return reply.code(201).send(user);
    },
  );
}
