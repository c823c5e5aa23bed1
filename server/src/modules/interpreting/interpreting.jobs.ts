import type { Logger } from 'pino';
import type { Database } from '../../platform/db/database';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { MailTransport } from '../../platform/mail';
import { sendPendingMessages } from './outbox';

/**
 * Every minute: sends the due outbox messages (first tries, and retries whose backoff has ended).
 * Safe to run twice at once: each run claims its own messages.
 */
export function outboxJob(db: Database, clock: () => Date, transport: MailTransport, logger?: Logger): JobDefinition {
  return {
    name: 'interpreting.outbox',
    schedule: '* * * * *',
    async handler() {
      const run = await sendPendingMessages(db, transport, clock, { logger });
      if (run.claimed) logger?.info({ ...run, transport: transport.kind }, 'outbox run');
    },
  };
}

/** The interpreting module's jobs, for startJobs. */
export function interpretingJobs(db: Database, clock: () => Date, transport: MailTransport, logger?: Logger): JobDefinition[] {
  return [outboxJob(db, clock, transport, logger)];
}
