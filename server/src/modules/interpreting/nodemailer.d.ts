/** The part of nodemailer (CommonJS, no bundled types) that the outbox uses. */
declare module 'nodemailer' {
  interface Transporter {
    sendMail(options: Record<string, unknown>): Promise<unknown>;
  }
  const nodemailer: { createTransport(url: string): Transporter };
  export default nodemailer;
}
