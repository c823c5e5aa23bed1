/**
 * The mail outbox (PAIN-10): services write `outbox_messages` in the transaction of their change;
 * this job sends them through a mail transport and retries with backoff when the mail server is
 * down. The request that queued a message never waits for the mail server, and a failing server
 * leaves the messages queued with the error (attempts, last_error, next_attempt_at).
 *
 * Each run claims a batch with one statement (`for update skip locked`, pushing next_attempt_at
 * ahead as a lease), so two instances never send the same message at the same time; a message is
 * marked sent right after the transport accepted it.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { queryRows, type Database } from '../../platform/db/database';
import { DEFAULT_LOCALE, translate, type ServerLocale } from '../../platform/i18n/i18n';
import type { MailMessage, MailTransport } from '../../platform/mail';

const KINDS = new Set(['interpreting.offer', 'interpreting.accepted', 'interpreting.cancelled']);

function formatInstant(value: string, locale: ServerLocale): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-BE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(at);
}

/**
 * The mail of an outbox row. The interpreting service stores a message kind as the subject
 * (`interpreting.offer`, …) and its values as JSON in the body; those are rendered from the PO
 * catalogues. Any other row is sent as written.
 */
export function renderMessage(row: { recipient: string; subject: string; body: string; calendar: string | null }, locale: ServerLocale = DEFAULT_LOCALE): MailMessage {
  if (KINDS.has(row.subject)) {
    let values: Record<string, string> | null = null;
    try {
      const parsed: unknown = JSON.parse(row.body);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        values = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, formatInstant(String(v ?? ''), locale)]));
      }
    } catch {
      values = null;
    }
    if (values) {
      const base = { subject: '', language: '', startsAt: '', ...values };
      if (base.language) base.language = base.language.toUpperCase();
      return {
        to: row.recipient,
        subject: translate(locale, `${row.subject}.mail.subject`, base),
        text: translate(locale, `${row.subject}.mail.body`, base),
        calendar: row.calendar ?? undefined,
      };
    }
  }
  return { to: row.recipient, subject: row.subject, text: row.body, calendar: row.calendar ?? undefined };
}

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, … capped at 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(360, 2 ** Math.max(0, attempts - 1));
}

export interface OutboxRun {
  claimed: number;
  sent: number;
  failed: number;
}

type OutboxRow = { id: string; recipient: string; subject: string; body: string; calendar: string | null; attempts: number };

/**
 * Sends what is due. Runs as the owner (a job for every agency). `leaseMinutes` keeps a claimed
 * message from being taken by another run while this one sends it; after a crash it is retried
 * once the lease ends.
 */
export async function sendPendingMessages(
  db: Database,
  transport: MailTransport,
  clock: () => Date,
  options: { batchSize?: number; leaseMinutes?: number; logger?: Logger | undefined } = {},
): Promise<OutboxRun> {
  const now = clock();
  const lease = new Date(now.getTime() + (options.leaseMinutes ?? 10) * 60_000);
  const rows = await queryRows<OutboxRow>(
    db.owner,
    sql`update outbox_messages m set next_attempt_at = ${lease.toISOString()}
      from (select id from outbox_messages where sent_at is null and next_attempt_at <= ${now.toISOString()}
            order by next_attempt_at, created_at limit ${options.batchSize ?? 50} for update skip locked) due
      where m.id = due.id
      returning m.id, m.recipient, m.subject, m.body, m.calendar, m.attempts`,
  );
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await transport.send(renderMessage(row));
      await db.owner.execute(sql`update outbox_messages set sent_at = ${clock().toISOString()}, attempts = attempts + 1, last_error = null where id = ${row.id}`);
      sent += 1;
    } catch (error) {
      failed += 1;
      const attempts = row.attempts + 1;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const next = new Date(clock().getTime() + backoffMinutes(attempts) * 60_000);
      await db.owner.execute(sql`update outbox_messages set attempts = ${attempts}, last_error = ${message}, next_attempt_at = ${next.toISOString()} where id = ${row.id}`);
      options.logger?.warn({ outboxId: row.id, attempts, err: message }, 'mail not sent; will retry');
    }
  }
  return { claimed: rows.length, sent, failed };
}
