/**
 * A real SMTP server for tests (smtp-server, no protocol mocks) on 127.0.0.1 that keeps every mail
 * it receives: point the platform's mail transport at `url` (KRUISPUNT_SMTP_URL) and read what
 * was sent.
 */
import { SMTPServer } from 'smtp-server';
import { listenOnLoopback } from './loopback';

export interface ReceivedMail {
  /** The envelope's recipients, joined by commas. */
  to: string;
  /** The message as received: headers and body, still transfer-encoded. */
  raw: string;
}

export interface SmtpTestInbox {
  /** smtp://127.0.0.1:<port>: for KRUISPUNT_SMTP_URL or smtpTransport. */
  url: string;
  /** Every mail received, oldest first. */
  mails: ReceivedMail[];
  /** The first mail after the first `after` ones that `match` accepts; waits for it up to `timeoutMs`. */
  waitForMail(match: (mail: ReceivedMail) => boolean, opts?: { after?: number; timeoutMs?: number }): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpTestInbox(): Promise<SmtpTestInbox> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        done();
      });
    },
  });
  const port = await listenOnLoopback(server, () => server.server.address());
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitForMail(match, opts = {}) {
      const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
      for (;;) {
        const found = mails.slice(opts.after ?? 0).find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no such mail arrived; received: ${mails.map((m) => m.to).join(' | ') || 'none'}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text of a single-part mail, undoing its transfer encoding (base64 or quoted-printable). */
export function mailText(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The six-digit sign-in code in a mail. */
export function signInCodeOf(mail: ReceivedMail): string {
  const code = /\b(\d{6})\b/.exec(mailText(mail.raw))?.[1];
  if (!code) throw new Error(`no six-digit code in the mail to ${mail.to}`);
  return code;
}
