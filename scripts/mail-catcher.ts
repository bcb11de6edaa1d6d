/**
 * A real SMTP server on loopback that keeps what it receives: the tests read
 * the messages, and `npm run mail:catch` prints them during local development
 * (start the app with SMTP_URL=smtp://127.0.0.1:2525).
 */
import { pathToFileURL } from "node:url";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailCatcher {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** The message as it arrived (headers and MIME parts), to check its structure. */
  source(mail: ParsedMail): string;
  /** Resolves with the first message (already received or still to come) that matches. */
  waitFor(match: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startMailCatcher(
  options: { port?: number; onMessage?: (mail: ParsedMail) => void } = {},
): Promise<MailCatcher> {
  const messages: ParsedMail[] = [];
  const sources = new WeakMap<ParsedMail, string>();
  const listeners = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () =>
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            sources.set(mail, Buffer.concat(chunks).toString("utf8"));
            messages.push(mail);
            options.onMessage?.(mail);
            listeners.forEach((notify) => notify());
            callback();
          })
          .catch(callback),
      );
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    source: (mail) => sources.get(mail) ?? "",
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `No matching e-mail within ${timeoutMs} ms; received: ${messages.map((m) => m.subject).join(" | ") || "none"}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const catcher = await startMailCatcher({
    port: Number(process.env.MAIL_CATCHER_PORT || 2525),
    onMessage: (mail) => {
      const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
      console.log(`\n── ${new Date().toISOString()} → ${to}\n${mail.subject}\n\n${mail.text ?? ""}`);
      for (const a of mail.attachments) console.log(`[attachment: ${a.filename} ${a.contentType}, ${a.size} bytes]`);
    },
  });
  console.log(`Catching e-mail on ${catcher.url}: start the app with SMTP_URL=${catcher.url}`);
}
