import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { makeRegistration, makeWorkshop } from "../../db/factories/workshops";
import { loader as listLoader } from "../../app/routes/workshops._index";
import { action as detailAction, loader as detailLoader } from "../../app/routes/workshops.$id._index";
import { loader as calendarLoader } from "../../app/routes/workshops.$id.calendar[.]ics";
import { loader as staffListLoader } from "../../app/routes/staff.workshops._index";
import { action as newAction, loader as newLoader } from "../../app/routes/staff.workshops.new";
import { loader as staffViewLoader } from "../../app/routes/staff.workshops.$id._index";
import { action as editAction, loader as editLoader } from "../../app/routes/staff.workshops.$id.edit";
import { action as walkInAction, loader as walkInLoader } from "../../app/routes/staff.workshops.$id.walk-in";
import { loader as csvLoader } from "../../app/routes/staff.workshops.$id.registrations[.]csv";
import { cancelRegistration } from "../../app/models/registration.server";
import { getDb } from "../../app/utils/db.server";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

type Who = "anonymous" | "member" | "facilitator" | "otherFacilitator" | "manager" | "admin";
const cookies = {} as Record<Who, string | undefined>;
const accounts = {} as Record<Who, { accountId: number; personId: number }>;
let workshopId: number;
let draftId: number;

beforeAll(async () => {
  const roles: Array<[Who, Role]> = [
    ["member", "member"],
    ["facilitator", "facilitator"],
    ["otherFacilitator", "facilitator"],
    ["manager", "manager"],
    ["admin", "admin"],
  ];
  for (const [who, role] of roles) {
    const account = await makeAccount({ role, fullName: `Cuenta ${who}` });
    accounts[who] = account;
    cookies[who] = await sessionCookie(account.accountId);
  }
  cookies.anonymous = undefined;
  workshopId = (
    await makeWorkshop({ title: "Taller propio", facilitatorIds: [accounts.facilitator.accountId], capacity: 2 })
  ).id;
  draftId = (
    await makeWorkshop({ title: "Borrador propio", status: "draft", facilitatorIds: [accounts.facilitator.accountId] })
  ).id;
});

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const status = (result: unknown) => (result instanceof Response ? result.status : unwrap(result).status);

function validForm(overrides: Record<string, string> = {}, facilitatorIds: number[] = []) {
  const body: Record<string, string> = {
    intent: "save",
    title: "Taller nuevo",
    description: "",
    modality: "online",
    joinUrl: "https://zoom.us/j/99",
    country: "PE",
    timezone: "America/Lima",
    capacity: "10",
    status: "published",
    rows: "3",
    "session-0-date": "2030-05-12",
    "session-0-start": "10:00",
    "session-0-end": "12:00",
    "session-1-date": "2030-05-19",
    "session-1-start": "10:00",
    "session-1-end": "12:00",
    ...overrides,
  };
  const params = new URLSearchParams(body);
  for (const id of facilitatorIds) params.append("facilitatorIds", String(id));
  return params;
}

function postForm(path: string, params: URLSearchParams, cookie?: string) {
  return new Request("http://localhost" + path, {
    method: "POST",
    body: params,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

describe("authorization on every workshop page", () => {
  const expected: Record<Who, { staffList: number; staffPage: number }> = {
    anonymous: { staffList: 302, staffPage: 302 },
    member: { staffList: 403, staffPage: 403 },
    facilitator: { staffList: 200, staffPage: 200 },
    otherFacilitator: { staffList: 200, staffPage: 403 },
    manager: { staffList: 200, staffPage: 200 },
    admin: { staffList: 200, staffPage: 200 },
  };

  for (const who of Object.keys(expected) as Who[]) {
    it(`${who}: public pages open, staff pages ${expected[who].staffPage}`, async () => {
      const cookie = cookies[who];
      expect(status(await settle(() => listLoader(args(getRequest("/workshops", cookie)))))).toBe(200);
      expect(
        status(
          await settle(() =>
            detailLoader(args(getRequest(`/workshops/${workshopId}`, cookie), { id: String(workshopId) })),
          ),
        ),
      ).toBe(200);
      expect(status(await settle(() => staffListLoader(args(getRequest("/staff/workshops", cookie)))))).toBe(
        expected[who].staffList,
      );
      expect(status(await settle(() => newLoader(args(getRequest("/staff/workshops/new", cookie)))))).toBe(
        expected[who].staffList,
      );
      const params = { id: String(workshopId) };
      const page = expected[who].staffPage;
      expect(
        status(await settle(() => staffViewLoader(args(getRequest(`/staff/workshops/${workshopId}`, cookie), params)))),
      ).toBe(page);
      expect(
        status(await settle(() => editLoader(args(getRequest(`/staff/workshops/${workshopId}/edit`, cookie), params)))),
      ).toBe(page);
      expect(
        status(
          await settle(() => walkInLoader(args(getRequest(`/staff/workshops/${workshopId}/walk-in`, cookie), params))),
        ),
      ).toBe(page);
      expect(
        status(
          await settle(() =>
            csvLoader(args(getRequest(`/staff/workshops/${workshopId}/registrations.csv`, cookie), params)),
          ),
        ),
      ).toBe(page);
      // A draft is invisible to everyone but its staff.
      const draft = await settle(() =>
        detailLoader(args(getRequest(`/workshops/${draftId}`, cookie), { id: String(draftId) })),
      );
      expect(status(draft)).toBe(page === 200 ? 200 : 404);
    });
  }

  it("refuses the staff actions to members (403), other facilitators (403) and anonymous people (login)", async () => {
    const params = { id: String(workshopId) };
    const walkIn = { fullName: "Alguien", consent: "on", method: "walk_in" };
    for (const who of ["anonymous", "member", "otherFacilitator"] as Who[]) {
      const cookie = cookies[who];
      const want = who === "anonymous" ? 302 : 403;
      expect(
        status(
          await settle(() =>
            editAction(
              args(
                postForm(
                  `/staff/workshops/${workshopId}/edit`,
                  validForm({}, [accounts.facilitator.accountId]),
                  cookie,
                ),
                params,
              ),
            ),
          ),
        ),
      ).toBe(want);
      expect(
        status(
          await settle(() =>
            walkInAction(args(formRequest(`/staff/workshops/${workshopId}/walk-in`, walkIn, cookie), params)),
          ),
        ),
      ).toBe(want);
      if (who !== "otherFacilitator") {
        expect(status(await settle(() => newAction(args(postForm("/staff/workshops/new", validForm(), cookie)))))).toBe(
          want,
        );
      }
    }
    const db = await getDb();
    expect(await db.selectFrom("person").select("id").where("full_name", "=", "Alguien").execute()).toEqual([]);
    expect(
      (await db.selectFrom("workshop").select("title").where("id", "=", workshopId).executeTakeFirstOrThrow()).title,
    ).toBe("Taller propio");
  });

  it("answers 404 for unknown or malformed workshop ids", async () => {
    for (const id of ["999999", "abc", "1.5"]) {
      expect(status(await settle(() => detailLoader(args(getRequest(`/workshops/${id}`), { id }))))).toBe(404);
      expect(
        status(await settle(() => staffViewLoader(args(getRequest(`/staff/workshops/${id}`, cookies.admin), { id })))),
      ).toBe(404);
      expect(
        status(await settle(() => calendarLoader(args(getRequest(`/workshops/${id}/calendar.ics`), { id })))),
      ).toBe(404);
    }
  });

  it("lists only their own workshops to a facilitator, and all of them to managers and admins", async () => {
    await makeWorkshop({ title: "Taller ajeno", facilitatorIds: [accounts.otherFacilitator.accountId] });
    const titles = async (who: Who) =>
      unwrap<{ workshops: Array<{ title: string }> }>(
        await staffListLoader(args(getRequest("/staff/workshops", cookies[who]))),
      ).data.workshops.map((w) => w.title);
    expect(await titles("facilitator")).toEqual(expect.arrayContaining(["Taller propio", "Borrador propio"]));
    expect(await titles("facilitator")).not.toContain("Taller ajeno");
    for (const who of ["manager", "admin"] as Who[])
      expect(await titles(who)).toEqual(expect.arrayContaining(["Taller propio", "Taller ajeno"]));
  });
});

describe("creating and editing workshops", () => {
  it("creates a workshop with its sessions; a facilitator always stays on it", async () => {
    const result = await newAction(
      args(postForm("/staff/workshops/new", validForm({ title: "Creado por facilitadora" }), cookies.facilitator)),
    );
    expect(result).toBeInstanceOf(Response);
    const location = (result as Response).headers.get("Location")!;
    const id = Number(/\/staff\/workshops\/(\d+)/.exec(location)![1]);
    const db = await getDb();
    const sessions = await db
      .selectFrom("workshop_session")
      .selectAll()
      .where("workshop_id", "=", id)
      .orderBy("starts_at")
      .execute();
    expect(sessions.map((s) => [s.starts_at, s.ends_at])).toEqual([
      ["2030-05-12T15:00:00.000Z", "2030-05-12T17:00:00.000Z"],
      ["2030-05-19T15:00:00.000Z", "2030-05-19T17:00:00.000Z"],
    ]);
    const facilitators = await db
      .selectFrom("workshop_facilitator")
      .select("account_id")
      .where("workshop_id", "=", id)
      .execute();
    expect(facilitators.map((f) => f.account_id)).toEqual([accounts.facilitator.accountId]);
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ["capacity 0", { capacity: "0" }, "capacity"],
    ["negative capacity", { capacity: "-3" }, "capacity"],
    // An end before the start is the next day (a session across midnight); an end at the start is refused.
    ["a session ending when it starts", { "session-1-end": "10:00" }, "session-1-end"],
    [
      "overlapping sessions",
      { "session-1-date": "2030-05-12", "session-1-start": "11:00", "session-1-end": "13:00" },
      "session-1-start",
    ],
    ["an unknown time zone", { timezone: "America/Macondo" }, "timezone"],
    ["a join link that is not http(s)", { joinUrl: "javascript:alert(1)" }, "joinUrl"],
    [
      "a registration window that closes before it opens",
      { registrationOpens: "2030-05-10T10:00", registrationCloses: "2030-05-01T10:00" },
      "registrationCloses",
    ],
    ["no title", { title: "" }, "title"],
  ];
  for (const [what, overrides, field] of bad) {
    it(`refuses ${what}, keeping what was typed`, async () => {
      const db = await getDb();
      const before = (await db.selectFrom("workshop").select("id").execute()).length;
      const result = unwrap<{ errors: Record<string, unknown>; values: Record<string, string> }>(
        await newAction(args(postForm("/staff/workshops/new", validForm(overrides), cookies.manager))),
      );
      expect(result.status).toBe(400);
      expect(Object.keys(result.data.errors)).toContain(field);
      expect(result.data.values.title).toBe(overrides.title ?? "Taller nuevo");
      expect((await db.selectFrom("workshop").select("id").execute()).length).toBe(before);
    });
  }

  it("adds session rows without JavaScript", async () => {
    const result = unwrap<{ rows: number }>(
      await newAction(
        args(postForm("/staff/workshops/new", validForm({ intent: "moreSessions" }), cookies.facilitator)),
      ),
    );
    expect(result.data.rows).toBe(6);
  });

  it("edits a workshop, keeps session ids, and gives new seats to the waitlist", async () => {
    const { id, sessions } = await makeWorkshop({
      title: "Para editar",
      capacity: 1,
      facilitatorIds: [accounts.facilitator.accountId],
    });
    await makeRegistration(id);
    const waiting = await makeRegistration(id);
    expect(waiting.status).toBe("waitlisted");
    const initial = unwrap<{ initial: { values: Record<string, string> } }>(
      await editLoader(args(getRequest(`/staff/workshops/${id}/edit`, cookies.facilitator), { id: String(id) })),
    ).data.initial.values;
    expect(initial["session-0-id"]).toBe(String(sessions[0].id));
    const params = new URLSearchParams({ ...initial, intent: "save", capacity: "2", title: "Editado", rows: "3" });
    params.append("facilitatorIds", String(accounts.facilitator.accountId));
    const result = await editAction(
      args(postForm(`/staff/workshops/${id}/edit`, params, cookies.facilitator), { id: String(id) }),
    );
    expect((result as Response).status).toBe(302);
    const db = await getDb();
    expect(
      (await db.selectFrom("workshop_session").select("id").where("workshop_id", "=", id).execute()).map((s) => s.id),
    ).toEqual([sessions[0].id]);
    const row = await db
      .selectFrom("registration")
      .select("status")
      .where("person_id", "=", waiting.personId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("registered");
  });
});

describe("registering from the workshop page", () => {
  it("sends anonymous people to log in, and registers a member once", async () => {
    const { id } = await makeWorkshop({ capacity: 1 });
    const params = { id: String(id) };
    const anonymous = await settle(() =>
      detailAction(args(formRequest(`/workshops/${id}`, { intent: "register" }), params)),
    );
    expect((anonymous as Response).headers.get("Location")).toBe(`/login?redirectTo=%2Fworkshops%2F${id}`);
    for (let i = 0; i < 2; i++) {
      const result = await detailAction(
        args(formRequest(`/workshops/${id}`, { intent: "register" }, cookies.member), params),
      );
      expect((result as Response).headers.get("Location")).toBe(
        `/workshops/${id}?done=registered&mail=1`.replace("&mail=1", i === 0 ? "&mail=1" : ""),
      );
    }
    const page = unwrap<{ registration: { status: string }; workshop: { joinUrl: string | null } }>(
      await detailLoader(args(getRequest(`/workshops/${id}`, cookies.member), params)),
    );
    expect(page.data.registration.status).toBe("registered");
    expect(page.data.workshop.joinUrl).toMatch(/^https:/);
    // The next member waits, and does not see the join link.
    const second = await sessionCookie((await makeAccount()).accountId);
    const next = await detailAction(args(formRequest(`/workshops/${id}`, { intent: "register" }, second), params));
    expect((next as Response).headers.get("Location")).toBe(`/workshops/${id}?done=waitlisted`);
    const waiting = unwrap<{
      registration: { status: string; position: number };
      workshop: { joinUrl: string | null };
    }>(await detailLoader(args(getRequest(`/workshops/${id}`, second), params)));
    expect(waiting.data.registration).toMatchObject({ status: "waitlisted", position: 1 });
    expect(waiting.data.workshop.joinUrl).toBeNull();
    // Cancelling promotes the one waiting.
    await detailAction(args(formRequest(`/workshops/${id}`, { intent: "cancel" }, cookies.member), params));
    const promoted = unwrap<{ registration: { status: string } }>(
      await detailLoader(args(getRequest(`/workshops/${id}`, second), params)),
    );
    expect(promoted.data.registration.status).toBe("registered");
  });

  it("counts the seats left from the people registered, not those who cancelled or wait", async () => {
    const { id } = await makeWorkshop({ capacity: 3 });
    const params = { id: String(id) };
    const seatsLeft = async () =>
      unwrap<{ seatsLeft: number | null }>(
        await detailLoader(args(getRequest(`/workshops/${id}`, cookies.member), params)),
      ).data.seatsLeft;
    expect(await seatsLeft()).toBe(3);
    await makeRegistration(id);
    const leaving = await makeRegistration(id);
    await cancelRegistration(await getDb(), { workshopId: id, personId: leaving.personId });
    expect(await seatsLeft()).toBe(2);
  });

  it("refuses closed, cancelled and past workshops with the reason", async () => {
    const cases = [
      [{ registrationClosesAt: new Date(Date.now() - 1000).toISOString() }, "closed"],
      [{ status: "cancelled" as const }, "cancelled"],
      [{ sessions: [{ inDays: -1 }] }, "past"],
    ] as const;
    for (const [spec, reason] of cases) {
      const { id } = await makeWorkshop(spec);
      const result = unwrap<{ refused: string }>(
        await detailAction(
          args(formRequest(`/workshops/${id}`, { intent: "register" }, cookies.member), { id: String(id) }),
        ),
      );
      expect([result.status, result.data.refused]).toEqual([409, reason]);
    }
  });

  it("shows the join link in the .ics only to registered people", async () => {
    const { id } = await makeWorkshop({ joinUrl: "https://zoom.us/j/55512345" });
    await makeRegistration(id, { personId: accounts.member.personId });
    const params = { id: String(id) };
    const mine = await (
      await calendarLoader(args(getRequest(`/workshops/${id}/calendar.ics`, cookies.member), params))
    ).text();
    const anon = await (await calendarLoader(args(getRequest(`/workshops/${id}/calendar.ics`), params))).text();
    expect(mine).toContain("zoom.us/j/55512345");
    expect(anon).toContain("BEGIN:VEVENT");
    expect(anon).not.toContain("zoom.us");
  });
});

describe("walk-ins and the CSV", () => {
  it("registers a walk-in without e-mail, asks about similar names, and exports everyone to CSV", async () => {
    const params = { id: String(workshopId) };
    const path = `/staff/workshops/${workshopId}/walk-in`;
    const noConsent = unwrap<{ errors: Record<string, unknown> }>(
      await walkInAction(
        args(formRequest(path, { fullName: "Hilda Ñahui", method: "walk_in" }, cookies.facilitator), params),
      ),
    );
    expect([noConsent.status, Object.keys(noConsent.data.errors)]).toEqual([400, ["consent"]]);
    const badPhone = unwrap<{ errors: Record<string, unknown> }>(
      await walkInAction(
        args(
          formRequest(
            path,
            { fullName: "Hilda Ñahui", phone: "12", method: "walk_in", consent: "on" },
            cookies.facilitator,
          ),
          params,
        ),
      ),
    );
    expect(Object.keys(badPhone.data.errors)).toEqual(["phone"]);

    const done = await walkInAction(
      args(
        formRequest(
          path,
          { fullName: "Hilda Ñahui", method: "walk_in", consent: "on", sex: "female", birthYear: "1958" },
          cookies.facilitator,
        ),
        params,
      ),
    );
    expect((done as Response).headers.get("Location")).toMatch(
      new RegExp(`^/staff/workshops/${workshopId}\\?added=\\d+$`),
    );

    const similar = unwrap<{ candidates: Array<{ fullName: string }> }>(
      await walkInAction(
        args(formRequest(path, { fullName: "ñahui hilda", method: "walk_in", consent: "on" }, cookies.manager), params),
      ),
    );
    expect(similar.data.candidates.map((c) => c.fullName)).toEqual(["Hilda Ñahui"]);

    const csv = await csvLoader(
      args(getRequest(`/staff/workshops/${workshopId}/registrations.csv`, cookies.facilitator), params),
    );
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await csv.arrayBuffer());
    // The BOM makes Excel read the accents correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("Nombre,Correo,Celular,Sexo")).toBe(true);
    expect(text).toContain("Hilda Ñahui,,,Mujer,1958,,Inscrita,El mismo día");
    expect(text).toContain("\r\n");
  });
});
