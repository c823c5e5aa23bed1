/**
 * The one mail transport of the platform: the interpreting outbox and the portal's sign-in codes
 * send through it. SMTP when KRUISPUNT_SMTP_URL is set; otherwise messages are only logged.
 */
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar object to attach (text/calendar). */
  calendar?: string | undefined;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'log' | 'test';
  send(message: MailMessage): Promise<void>;
}

/** Without an SMTP server: logs that a message would go out (recipient and subject only) and counts it as sent. */
export function loggingTransport(logger: Logger): MailTransport {
  return {
    kind: 'log',
    async send(message) {
      logger.info({ to: message.to, subject: message.subject }, 'mail (no SMTP configured): logged, not sent');
    },
  };
}

/** SMTP through nodemailer, e.g. KRUISPUNT_SMTP_URL=smtps://user:pass@mail.example.be:465. */
export async function smtpTransport(url: string, from: string): Promise<MailTransport> {
  const nodemailer = await import('nodemailer');
  const transporter = nodemailer.default.createTransport(url);
  return {
    kind: 'smtp',
    async send(message) {
      await transporter.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.calendar ? { icalEvent: { method: 'PUBLISH', content: message.calendar } } : {}),
      });
    },
  };
}

/** The transport the environment asks for: SMTP when KRUISPUNT_SMTP_URL is set, otherwise the logging one. */
export async function mailTransportFromEnv(env: Record<string, string | undefined>, logger: Logger): Promise<MailTransport> {
  const url = env.KRUISPUNT_SMTP_URL;
  if (!url) return loggingTransport(logger);
  return smtpTransport(url, env.KRUISPUNT_MAIL_FROM ?? 'Kruispunt <no-reply@localhost>');
}
