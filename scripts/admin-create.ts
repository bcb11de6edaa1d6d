/**
 * `npm run admin:create -- --email <e-mail>`: the first admin of a production install.
 * `npm run admin:create -- --help` lists the options.
 */
import { PASSWORD_MAX, PASSWORD_MIN } from "../app/domain/password-rules";
import { normalizeEmail } from "../app/domain/contact";
import { createAdmin } from "../app/models/admin-bootstrap.server";
import { setPasswordUrl } from "../app/models/password-reset.server";
import { closeDb, getDb } from "../app/utils/db.server";
import { migrateToLatest } from "../db/migrate";
import { parseCommandLine } from "./cli-args";

const USAGE = `Usage: npm run admin:create -- --email <e-mail> [--name "Full name"] [--link] [--force]

Creates an admin account in DATABASE_URL (default ./data/minka.db; a postgres:// URL works too),
after applying any pending migrations.

  --email E-MAIL   the admin's login (required)
  --name "NAME"    their full name (default: the part of the e-mail before @)
  --link           print a set-password link even on a terminal
  --force          create it although an admin exists, or make the existing account
                   with this e-mail an admin (its password must then be set again)
  --help, -h       this text

On a terminal it asks for the password (${PASSWORD_MIN}–${PASSWORD_MAX} characters, typed twice, not shown).
Otherwise (or with --link) it prints a single-use link to set the password, valid 24 hours;
it points to APP_URL (default http://localhost:$PORT).
`;

const { values } = parseCommandLine(
  {
    options: {
      email: { type: "string" },
      name: { type: "string" },
      link: { type: "boolean" },
      force: { type: "boolean" },
    },
  },
  USAGE,
);

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

// Keys typed (or pasted) ahead of the next question: a paste of both answers must not lose the second.
let typedAhead = "";

/** Reads a line from the terminal without echoing it; Ctrl-C or Ctrl-D cancels. */
function askHidden(prompt: string): Promise<string | null> {
  process.stdout.write(prompt);
  const stdin = process.stdin;
  return new Promise((resolve) => {
    let typed = "";
    const take = (text: string): boolean => {
      for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === "\r" || char === "\n") {
          typedAhead = text.slice(text[i + 1] === "\n" && char === "\r" ? i + 2 : i + 1);
          return (finish(typed), true);
        }
        if (char === "\u0003" || char === "\u0004") return (finish(null), true);
        if (char === "\u007f" || char === "\b") typed = typed.slice(0, -1);
        else if (char >= " ") typed += char;
      }
      return false;
    };
    const onData = (chunk: string) => void take(chunk);
    const finish = (answer: string | null) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
      resolve(answer);
    };
    stdin.setRawMode(true);
    stdin.setEncoding("utf8");
    const ahead = typedAhead;
    typedAhead = "";
    if (take(ahead)) return;
    stdin.on("data", onData);
    stdin.resume();
  });
}

async function askPassword(): Promise<string> {
  const password = await askHidden(`Password (${PASSWORD_MIN}–${PASSWORD_MAX} characters): `);
  if (password === null) fail("Cancelled. Nothing was created.");
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    fail(`The password must have ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Nothing was created.`);
  const again = await askHidden("The same password again: ");
  if (again === null) fail("Cancelled. Nothing was created.");
  if (again !== password) fail("The two passwords differ. Nothing was created.");
  return password;
}

if (!values.email) fail(`Give the admin's e-mail: --email <e-mail>.\n\n${USAGE}`);
const email = normalizeEmail(values.email);
if (!email) fail(`"${values.email}" is not an e-mail address. Nothing was created.`);
const fullName = values.name?.trim() || email.split("@")[0];
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !values.link;
const password = interactive ? await askPassword() : null;

const db = await getDb();
await migrateToLatest(db);
const result = await createAdmin(db, { email, fullName, password, force: Boolean(values.force) });
await closeDb();

if (!result.ok) {
  fail(
    result.reason === "admin_exists"
      ? "An admin account already exists; nothing was created. Another admin can change roles at /admin/accounts, or run this again with --force to add one anyway."
      : `An account with ${email} already exists; nothing was changed. Run this again with --force to make it an admin (its password must then be set again).`,
  );
}
const what = result.promotedFrom
  ? `The account ${email} (was ${result.promotedFrom}) is now an admin`
  : `Admin account ${email} created`;
if (result.setPasswordToken) {
  process.stdout.write(
    `${what}.\nSet its password within 24 hours with this single-use link (give it only to its owner):\n${setPasswordUrl(result.setPasswordToken)}\n`,
  );
} else {
  process.stdout.write(`${what}. Log in at /login with ${email} and the password you typed.\n`);
}
