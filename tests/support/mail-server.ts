import type { ParsedMail } from "mailparser";
import { startTestServer, type TestServer } from "./server";
import { startMailCatcher, type MailCatcher } from "./smtp";

export interface ServerWithMail {
  server: TestServer;
  smtp: MailCatcher;
  /** Stops the server (which throws if it wrote to stderr), then the mail catcher. */
  stop(): Promise<void>;
}

/**
 * A mail catcher, and the production build on its own database delivering to it.
 * `outboxIntervalMs` is the outbox's timer: the default (10 minutes) never fires during a test, so an
 * e-mail that arrives was sent by the request that queued it; a short one lets the timer deliver.
 */
export async function startServerWithMail(
  options: { outboxIntervalMs?: number; env?: Record<string, string> } = {},
): Promise<ServerWithMail> {
  const smtp = await startMailCatcher();
  const server = await startTestServer({
    env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: String(options.outboxIntervalMs ?? 600_000), ...options.env },
  }).catch(async (error: unknown) => {
    await smtp.stop();
    throw error;
  });
  return {
    server,
    smtp,
    async stop() {
      try {
        await server.stop();
      } finally {
        await smtp.stop();
      }
    },
  };
}

/** The first address a message was sent to. */
export const recipientOf = (mail: ParsedMail): string | undefined =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address;
