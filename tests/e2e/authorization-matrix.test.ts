import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCertificateCode } from "../../app/domain/certificate";
import { messages } from "../../app/i18n/messages.server";
import { ROOT } from "../support/paths";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * Every route × every role over real HTTP against the production build.
 * A route that is in the build but not in this table fails the test, so a new
 * route cannot ship without someone deciding who may use it.
 */
type Role = "anonymous" | "member" | "facilitator" | "manager" | "admin";
type Access = "public" | "user" | "facilitator" | "manager" | "admin";
const ROLES: Role[] = ["anonymous", "member", "facilitator", "manager", "admin"];
const RANK: Record<Role | Access, number> = {
  anonymous: 0,
  public: 0,
  member: 1,
  user: 1,
  facilitator: 2,
  manager: 3,
  admin: 4,
};

interface Ids {
  course: string;
  lesson: string;
  ownWorkshop: number;
  ownSession: number;
  /** Someone registered on the facilitator's workshop. */
  ownPerson: number;
  otherWorkshop: number;
  personId: number;
  certificate: string;
}

interface Entry {
  path: (ids: Ids) => string;
  get?: Access;
  post?: Access;
}

const MATRIX: Record<string, Entry> = {
  "routes/_index": { path: () => "/", get: "public" },
  "routes/$": { path: () => "/no-such-page", get: "public" },
  "routes/status": { path: () => "/status", get: "public" },
  // Offline (#20, tests/e2e/offline.test.ts): the offline page the service worker keeps, the web app manifest.
  "routes/offline": { path: () => "/offline", get: "public" },
  "routes/manifest[.]webmanifest": { path: () => "/manifest.webmanifest", get: "public" },
  "routes/login": { path: () => "/login", get: "public", post: "public" },
  "routes/signup": { path: () => "/signup", get: "public", post: "public" },
  "routes/language": { path: () => "/language", get: "public", post: "public" },
  "routes/text-size": { path: () => "/text-size", get: "public", post: "public" },
  "routes/forgot-password": { path: () => "/forgot-password", get: "public", post: "public" },
  "routes/reset-password": { path: () => "/reset-password?token=x", get: "public", post: "public" },
  "routes/reset-code": { path: () => "/reset-code", get: "public", post: "public" },
  // Ways in without a password (tests/e2e/access-cards.test.ts, tests/e2e/sign-in-link.test.ts): an unknown token is a plain page.
  "routes/card.$token": { path: () => "/card/unknown", get: "public", post: "public" },
  "routes/login_.code": { path: () => "/login/code", get: "public", post: "public" },
  "routes/login_.link._index": { path: () => "/login/link", get: "public", post: "public" },
  "routes/login_.link.$token": { path: () => "/login/link/unknown", get: "public", post: "public" },
  "routes/account": { path: () => "/account", get: "user", post: "user" },
  "routes/account_.data": { path: () => "/account/data", get: "user" },
  "routes/account_.data_.download": { path: () => "/account/data/download?format=json", get: "user" },
  // No card with that id on the account: a 404 (revocation itself: tests/e2e/access-cards.test.ts).
  "routes/account_.access-cards": { path: () => "/account/access-cards", get: "user", post: "user" },
  "routes/account_.withdrawn": { path: () => "/account/withdrawn", get: "public" },
  "routes/account_.reminders": { path: () => "/account/reminders", get: "user", post: "user" },
  // An unknown token: a 404 page for everyone, nothing written (tests/e2e/mail-preferences.test.ts).
  "routes/mail.reminders-off": { path: () => "/mail/reminders-off?token=x", get: "public", post: "public" },
  "routes/courses._index": { path: () => "/courses", get: "public" },
  "routes/courses.$course._index": { path: (i) => `/courses/${i.course}`, get: "public" },
  "routes/courses.$course.$lesson": { path: (i) => `/courses/${i.course}/${i.lesson}`, get: "public", post: "public" },
  "routes/learning.enrol": { path: () => "/learning/enrol", post: "user" },
  "routes/learning.leave": { path: () => "/learning/leave", post: "user" },
  "routes/learning.complete": { path: () => "/learning/complete", post: "user" },
  "routes/me.learning": { path: () => "/me/learning", get: "user" },
  "routes/certificates._index": { path: () => "/certificates", get: "public" },
  "routes/certificates.$code": { path: (i) => `/certificates/${i.certificate}`, get: "public" },
  "routes/certificates.$code_.pdf": { path: (i) => `/certificates/${i.certificate}/pdf`, get: "facilitator" },
  "routes/workshops._index": { path: () => "/workshops", get: "public" },
  "routes/workshops.$id._index": { path: (i) => `/workshops/${i.ownWorkshop}`, get: "public", post: "user" },
  "routes/workshops.$id.calendar[.]ics": { path: (i) => `/workshops/${i.ownWorkshop}/calendar.ics`, get: "public" },
  "routes/staff.workshops._index": { path: () => "/staff/workshops", get: "facilitator" },
  "routes/staff.workshops.new": { path: () => "/staff/workshops/new", get: "facilitator", post: "facilitator" },
  "routes/staff.workshops.$id._index": { path: (i) => `/staff/workshops/${i.ownWorkshop}`, get: "facilitator" },
  "routes/staff.workshops.$id.edit": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/edit`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.workshops.$id.walk-in": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/walk-in`,
    get: "facilitator",
    post: "facilitator",
  },
  // Without ?registration= the page is a 404 for those allowed; refusals come first (403).
  "routes/staff.workshops.$id.cancel": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/cancel`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.workshops.$id.registrations[.]csv": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/registrations.csv`,
    get: "facilitator",
  },
  "routes/staff.workshops.$id_.attendance": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/attendance`,
    get: "facilitator",
  },
  "routes/staff.workshops.$id_.sessions.$sessionId.correct.$personId": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/correct/${i.ownPerson}`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.workshops.$id_.attendance[.]csv": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/attendance.csv`,
    get: "facilitator",
  },
  "routes/staff.workshops.$id_.sessions.$sessionId.roll-call": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/roll-call`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.workshops.$id_.sessions.$sessionId.poster[.]pdf": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/poster.pdf`,
    get: "facilitator",
  },
  "routes/staff.workshops.$id_.sessions.$sessionId.sign-in-sheet[.]pdf": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/sign-in-sheet.pdf`,
    get: "facilitator",
  },
  // A token nobody printed: a 404 with a message for anyone signed in (the check-in itself: tests/e2e/qr-check-in.test.ts).
  "routes/checkin.$token": { path: () => "/checkin/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", get: "user", post: "user" },
  "routes/staff.workshops.$id_.sessions.$sessionId.import": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/import`,
    get: "facilitator",
    post: "facilitator",
  },
  // An import id nobody has: a 404 for those allowed (the undo itself is checked in tests/e2e/attendance-import-undo.test.ts).
  "routes/staff.workshops.$id_.sessions.$sessionId.imports.$importId.undo": {
    path: (i) => `/staff/workshops/${i.ownWorkshop}/sessions/${i.ownSession}/imports/987654321/undo`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.courses._index": { path: () => "/staff/courses", get: "facilitator" },
  "routes/staff.courses.$course": { path: (i) => `/staff/courses/${i.course}`, get: "facilitator" },
  "routes/staff.courses.$course_.enrol": {
    path: (i) => `/staff/courses/${i.course}/enrol`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.courses.$course_.export": { path: (i) => `/staff/courses/${i.course}/export`, get: "facilitator" },
  "routes/staff.enrolments.import": { path: () => "/staff/enrolments/import", get: "facilitator", post: "facilitator" },
  "routes/staff.reset-codes": { path: () => "/staff/reset-codes", get: "facilitator", post: "facilitator" },
  "routes/staff.people.import": { path: () => "/staff/people/import", get: "facilitator", post: "facilitator" },
  "routes/staff.people.import_.template[.]csv": { path: () => "/staff/people/import/template.csv", get: "facilitator" },
  "routes/staff.people._index": { path: () => "/staff/people?missing=country", get: "facilitator" },
  // A facilitator gets 404 for someone not on their workshops (checked in tests/e2e/staff-people.test.ts).
  "routes/staff.people.$personId._index": {
    path: (i) => `/staff/people/${i.personId}`,
    get: "facilitator",
    post: "facilitator",
  },
  // A person without a login: issuing is refused (a redirect back); tests/e2e/access-cards.test.ts prints real cards.
  "routes/staff.people.$personId.access-card": {
    path: (i) => `/staff/people/${i.personId}/access-card`,
    get: "facilitator",
    post: "facilitator",
  },
  "routes/staff.people.$personId.data": { path: (i) => `/staff/people/${i.personId}/data`, get: "manager" },
  "routes/reports._index": { path: () => "/reports", get: "facilitator" },
  "routes/reports.export": { path: () => "/reports/export?format=csv", get: "facilitator" },
  "routes/reports.print": { path: () => "/reports/print", get: "facilitator" },
  "routes/reports.people": { path: () => "/reports/people", get: "manager", post: "manager" },
  "routes/admin": { path: () => "/admin", get: "admin" },
  "routes/admin.accounts": { path: () => "/admin/accounts", get: "admin", post: "admin" },
  "routes/admin.privacy": { path: () => "/admin/privacy", get: "admin", post: "admin" },
  "routes/admin.audit": { path: () => "/admin/audit", get: "admin" },
  "routes/admin.content": { path: () => "/admin/content", get: "admin" },
  // Last: logging out ends the sessions the rows above use.
  "routes/logout": { path: () => "/logout", get: "public", post: "public" },
};

function routeIdsInBuild(): string[] {
  const dir = path.join(ROOT, "public/build");
  const file = fs.readdirSync(dir).find((name) => /^manifest-.*\.js$/.test(name))!;
  const text = fs.readFileSync(path.join(dir, file), "utf8");
  const manifest = JSON.parse(text.slice(text.indexOf("=") + 1).replace(/;\s*$/, "")) as {
    routes: Record<string, unknown>;
  };
  return Object.keys(manifest.routes).filter((id) => id !== "root");
}

let server: TestServer;
let ids: Ids;
const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  server = await startTestServer();
  const db = new SQLite(server.databaseFile);
  const lesson = db
    .prepare(
      "select c.slug as course, l.slug as lesson from lesson l join course c on c.id = l.course_id where c.published = 1 and l.archived_at is null order by c.slug, l.position limit 1",
    )
    .get() as { course: string; lesson: string };
  const facilitator = db.prepare("select id, person_id from account where email = 'facilitadora@minka.test'").get() as {
    id: number;
    person_id: number;
  };
  const own = db
    .prepare(
      "select w.id, (select id from workshop_session s where s.workshop_id = w.id limit 1) as session from workshop w join workshop_facilitator f on f.workshop_id = w.id where f.account_id = ? and w.status = 'published' order by w.id limit 1",
    )
    .get(facilitator.id) as { id: number; session: number };
  const other = db
    .prepare(
      "select w.id from workshop w where not exists (select 1 from workshop_facilitator f where f.workshop_id = w.id and f.account_id = ?) order by w.id limit 1",
    )
    .get(facilitator.id) as { id: number };
  // A certificate that belongs to somebody else than the member.
  const manager = db.prepare("select person_id from account where email = 'gestora@minka.test'").get() as {
    person_id: number;
  };
  const courseId = (db.prepare("select id from course where slug = ?").get(lesson.course) as { id: number }).id;
  const code = newCertificateCode();
  const now = new Date().toISOString();
  db.prepare(
    "insert into certificate (person_id, course_id, code, full_name, course_title, hours, completed_at, issued_at) values (?, ?, ?, 'Lucía Fernández Rojas', 'Curso', 2, ?, ?)",
  ).run(manager.person_id, courseId, code, now, now);
  // Staff export only the data of people without a login (README "Privacy").
  const withoutLogin = db
    .prepare(
      "select id from person p where not exists (select 1 from account a where a.person_id = p.id) order by id limit 1",
    )
    .get() as { id: number };
  // Someone on the facilitator's workshop, for pages about one of its people (registered there if nobody is).
  let ownPerson = db
    .prepare(
      "select person_id from registration where workshop_id = ? union select a.person_id from attendance a join workshop_session s on s.id = a.session_id where s.workshop_id = ? limit 1",
    )
    .get(own.id, own.id) as { person_id: number } | undefined;
  if (!ownPerson) {
    db.prepare(
      "insert into registration (workshop_id, person_id, status, method, created_at, updated_at) values (?, ?, 'registered', 'staff', ?, ?)",
    ).run(own.id, withoutLogin.id, now, now);
    ownPerson = { person_id: withoutLogin.id };
  }
  db.close();
  expect(other, "the seed needs a workshop of another facilitator").toBeTruthy();
  ids = {
    ...lesson,
    ownWorkshop: own.id,
    ownSession: own.session,
    ownPerson: ownPerson.person_id,
    otherWorkshop: other.id,
    personId: withoutLogin.id,
    certificate: code,
  };

  for (const [role, email] of [
    ["member", "socia@minka.test"],
    ["facilitator", "facilitadora@minka.test"],
    ["manager", "gestora@minka.test"],
    ["admin", "admin@minka.test"],
  ] as const) {
    cookies[role] = await logIn(server, email);
  }
}, 120_000);
afterAll(() => server.stop());

async function request(method: "GET" | "POST", url: string, role: Role) {
  return fetch(server.url + url, {
    method,
    redirect: "manual",
    headers: {
      ...(cookies[role] ? { Cookie: cookies[role]! } : {}),
      ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
    },
    body: method === "POST" ? "" : undefined,
  });
}

function outcome(response: Response): "login" | "forbidden" | "allowed" | "error" {
  const location = response.headers.get("Location") ?? "";
  if (response.status >= 300 && response.status < 400 && location.startsWith("/login?redirectTo=")) return "login";
  if (response.status === 403) return "forbidden";
  if (response.status >= 500) return "error";
  return "allowed";
}

/** A text node that is a translation key: the page lacks that text (e.g. a staff-only text on a member's page). */
const RAW_KEY = new RegExp(`>\\s*((?:${Object.keys(messages.es).join("|")})\\.[A-Za-z0-9_.]+)\\s*<`);

const RAW_KEY_IN_TITLE = new RegExp(`<title>[^<]*\\b((?:${Object.keys(messages.es).join("|")})\\.[A-Za-z0-9_.]+)`);

async function expectTranslated(response: Response, what: string) {
  if (response.status !== 200 || !response.headers.get("Content-Type")?.startsWith("text/html")) return;
  const html = await response.text();
  expect(html.match(RAW_KEY)?.[1], what).toBeUndefined();
  expect(html.match(RAW_KEY_IN_TITLE)?.[1], `${what}: title`).toBeUndefined();
}

function expectSecurityHeaders(response: Response, what: string) {
  const csp = response.headers.get("Content-Security-Policy") ?? "";
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp, what).not.toContain("unsafe-eval");
  expect(response.headers.get("X-Content-Type-Options"), what).toBe("nosniff");
  expect(response.headers.get("Referrer-Policy"), what).toBe("strict-origin-when-cross-origin");
  expect(response.headers.get("Permissions-Policy"), what).toContain("camera=()");
}

/** Whatever a logged-in person is sent (pages, redirects, CSV and XLSX exports) stays out of shared and browser caches. */
function expectNotStored(response: Response, role: Role, what: string) {
  if (role !== "anonymous") expect(response.headers.get("Cache-Control"), what).toBe("private, no-store");
}

describe("object-level checks", () => {
  it("keeps a facilitator out of another facilitator's workshop", async () => {
    for (const [method, url] of [
      ["GET", `/staff/workshops/${ids.otherWorkshop}`],
      ["GET", `/staff/workshops/${ids.otherWorkshop}/edit`],
      ["POST", `/staff/workshops/${ids.otherWorkshop}/edit`],
      ["GET", `/staff/workshops/${ids.otherWorkshop}/registrations.csv`],
      ["POST", `/staff/workshops/${ids.otherWorkshop}/walk-in`],
      ["GET", `/staff/workshops/${ids.otherWorkshop}/attendance`],
      ["GET", `/staff/workshops/${ids.otherWorkshop}/attendance.csv`],
      ["GET", `/staff/workshops/${ids.otherWorkshop}/sessions/${ids.ownSession}/correct/${ids.ownPerson}`],
    ] as const) {
      const response = await request(method, url, "facilitator");
      expect([403, 404], `${method} ${url}`).toContain(response.status);
      expect(outcome(await request(method, url, "manager")), `${method} ${url} as manager`).toBe("allowed");
    }
  });

  it("refuses a foreign or unknown id of a workshop, session, person, course or upload in every form that takes one, and writes nothing", async () => {
    const db = new SQLite(server.databaseFile, { readonly: true });
    const otherSession =
      (
        db.prepare("select id from workshop_session where workshop_id = ? limit 1").get(ids.otherWorkshop) as
          | { id: number }
          | undefined
      )?.id ?? 999_998;
    // Someone the facilitator's workshop has never seen: no registration, no attendance.
    const stranger = db
      .prepare(
        "select id from person p where erased_at is null and not exists (select 1 from registration r where r.person_id = p.id and r.workshop_id = ?) and not exists (select 1 from attendance a join workshop_session s on s.id = a.session_id where a.person_id = p.id and s.workshop_id = ?) order by id limit 1",
      )
      .get(ids.ownWorkshop, ids.ownWorkshop) as { id: number };
    const tables = [
      "person",
      "account",
      "registration",
      "attendance",
      "attendance_upload",
      "attendance_import",
      "enrolment",
      "enrolment_upload",
      "lesson_completion",
      "certificate",
      "email_outbox",
      "audit_log",
    ];
    const counts = () =>
      Object.fromEntries(
        tables.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]),
      );
    const unknown = "987654321";
    const typed = { fullName: "Nadie Conocido Aquí", consent: "on", method: "walk_in" };
    const own = `/staff/workshops/${ids.ownWorkshop}`;
    const probes: Array<[Role, string, Record<string, string>, number[]]> = [
      // Workshop and session ids in the URL: another facilitator's (403) or nobody's (404).
      ["facilitator", `/staff/workshops/${ids.otherWorkshop}/walk-in`, typed, [403]],
      ["facilitator", `/staff/workshops/${unknown}/walk-in`, typed, [404]],
      [
        "facilitator",
        `/staff/workshops/${ids.otherWorkshop}/sessions/${otherSession}/correct/${stranger.id}`,
        { status: "present", minutes: "", reason: "x" },
        [403],
      ],
      ["facilitator", `/staff/workshops/${ids.otherWorkshop}/edit`, {}, [403]],
      [
        "facilitator",
        `/staff/workshops/${ids.otherWorkshop}/sessions/${otherSession}/roll-call`,
        { [`mark-${stranger.id}`]: "present" },
        [403],
      ],
      ["facilitator", `${own}/sessions/${otherSession}/roll-call`, { [`mark-${stranger.id}`]: "present" }, [404]],
      ["facilitator", `${own}/sessions/${unknown}/roll-call`, { intent: "walkIn", ...typed }, [404]],
      ["facilitator", `${own}/sessions/${otherSession}/import`, { intent: "discard", uploadId: "1" }, [404]],
      ["member", `/workshops/${unknown}`, { intent: "register" }, [404]],
      // Person ids in the body: never offered by that form, or nobody's.
      ["facilitator", `${own}/walk-in`, { ...typed, choice: String(stranger.id) }, [400]],
      ["facilitator", `${own}/walk-in`, { ...typed, choice: unknown }, [400]],
      [
        "facilitator",
        `${own}/sessions/${ids.ownSession}/roll-call`,
        { intent: "walkIn", ...typed, choice: String(stranger.id) },
        [400],
      ],
      [
        "facilitator",
        `${own}/sessions/${ids.ownSession}/roll-call`,
        { intent: "mark", personId: String(stranger.id), status: "present" },
        [400],
      ],
      [
        "facilitator",
        `${own}/sessions/${ids.ownSession}/roll-call`,
        { [`mark-${stranger.id}`]: "present", [`mark-${unknown}`]: "late" },
        [400],
      ],
      [
        "facilitator",
        `${own}/sessions/${ids.ownSession}/correct/${stranger.id}`,
        { status: "present", minutes: "", reason: "x" },
        [404],
      ],
      [
        "facilitator",
        `${own}/sessions/${ids.ownSession}/correct/${unknown}`,
        { status: "present", minutes: "", reason: "x" },
        [404],
      ],
      [
        "facilitator",
        `${own}/sessions/${otherSession}/correct/${ids.ownPerson}`,
        { status: "present", minutes: "", reason: "x" },
        [404],
      ],
      [
        "facilitator",
        `/staff/courses/${ids.course}/enrol`,
        { intent: "choose", personId: String(stranger.id), fullName: typed.fullName },
        [400],
      ],
      [
        "facilitator",
        `/staff/courses/${ids.course}/enrol`,
        { intent: "choose", personId: unknown, fullName: typed.fullName },
        [400],
      ],
      ["manager", "/reports/people", { intent: "merge", a: unknown, b: "987654322", keep: unknown }, [400]],
      ["admin", "/admin/privacy", { personId: unknown }, [400]],
      ["admin", "/admin/accounts", { accountId: unknown, role: "member" }, [400]],
      // Upload ids: not a pending review of this session.
      ["facilitator", `${own}/sessions/${ids.ownSession}/import`, { intent: "confirm", uploadId: unknown }, [400]],
      ["facilitator", `${own}/sessions/${ids.ownSession}/import`, { intent: "discard", uploadId: unknown }, [400]],
      // …nor a kept enrolment list of this staff member.
      ["facilitator", "/staff/enrolments/import", { intent: "commit", uploadId: unknown, consent: "on" }, [400]],
      // Course slugs: nobody's. The learning actions answer 404, which a plain form post turns into the loader's redirect to /me/learning.
      [
        "facilitator",
        "/staff/courses/no-such-course/enrol",
        { intent: "create", fullName: typed.fullName, email: "nadie@example.org", consent: "on" },
        [404],
      ],
      ["member", "/learning/enrol", { course: "no-such-course" }, [302, 404]],
      ["member", "/learning/leave", { course: "no-such-course" }, [302, 404]],
      ["member", "/learning/complete", { course: ids.course, lesson: "no-such-lesson", method: "manual" }, [302, 404]],
    ];
    try {
      const before = counts();
      for (const [role, url, fields, statuses] of probes) {
        const response = await fetch(server.url + url, {
          method: "POST",
          redirect: "manual",
          headers: { Cookie: cookies[role]! },
          body: new URLSearchParams(fields),
        });
        expect(
          statuses,
          `POST ${url} ${JSON.stringify(fields)} as ${role} → ${response.headers.get("Location")}`,
        ).toContain(response.status);
        expect(counts(), `POST ${url} ${JSON.stringify(fields)} as ${role} wrote nothing`).toEqual(before);
      }
      const download = await request("GET", `/staff/people/${unknown}/data`, "manager");
      expect(download.status).toBe(404);
      expect(counts()).toEqual(before);
    } finally {
      db.close();
    }
  });

  it("keeps a member out of another person's certificate PDF", async () => {
    const response = await request("GET", `/certificates/${ids.certificate}/pdf`, "member");
    expect(response.status).toBe(403);
    // The public verification page shows only what it must.
    const page = await (await request("GET", `/certificates/${ids.certificate}`, "anonymous")).text();
    expect(page).toContain("Lucía Fernández Rojas");
    expect(page).not.toContain("gestora@minka.test");
  });
});

// Runs after the object-level checks: its last row logs everybody out.
describe("authorization matrix", () => {
  it("lists every route of the build", () => {
    const missing = routeIdsInBuild().filter((id) => !(id in MATRIX));
    const stale = Object.keys(MATRIX).filter((id) => !routeIdsInBuild().includes(id));
    expect(missing, "routes without a row in the matrix").toEqual([]);
    expect(stale, "rows for routes that no longer exist").toEqual([]);
  });

  for (const [routeId, entry] of Object.entries(MATRIX)) {
    for (const method of ["GET", "POST"] as const) {
      const access = method === "GET" ? entry.get : entry.post;
      if (!access) continue;
      it(`${method} ${routeId}`, async () => {
        const url = entry.path(ids);
        const seen: string[] = [];
        const expected: string[] = [];
        for (const role of ROLES) {
          const response = await request(method, url, role);
          expectSecurityHeaders(response, `${method} ${url} as ${role}`);
          expectNotStored(response, role, `${method} ${url} as ${role}`);
          if (method === "GET") await expectTranslated(response, `GET ${url} as ${role}`);
          seen.push(`${role}: ${outcome(response)}`);
          const allowed = RANK[role] >= RANK[access];
          expected.push(`${role}: ${allowed ? "allowed" : role === "anonymous" ? "login" : "forbidden"}`);
        }
        expect(seen).toEqual(expected);
      });
    }
  }
});
