import { describe, expect, it } from "vitest";
import type { Role } from "../../db/schema";
import { makeAccount } from "../../db/factories";
import { makeCostsWorkshop } from "../../db/factories/attendance";
import { makePerson, makeWorkshop, register } from "../../db/factories/reach";
import {
  action as rollCallAction,
  loader as rollCallLoader,
} from "../../app/routes/staff.workshops.$id_.sessions.$sessionId.roll-call";
import {
  action as importAction,
  loader as importLoader,
} from "../../app/routes/staff.workshops.$id_.sessions.$sessionId.import";
import { loader as summaryLoader } from "../../app/routes/staff.workshops.$id_.attendance";
import {
  action as correctAction,
  loader as correctLoader,
} from "../../app/routes/staff.workshops.$id_.sessions.$sessionId.correct.$personId";
import { loader as csvLoader } from "../../app/routes/staff.workshops.$id_.attendance[.]csv";
import { markAttendance } from "../../db/factories/reach";
import { getDb } from "../../app/utils/db.server";
import { correctAttendance } from "../../app/models/attendance-correction.server";
import { fixtureBytes } from "../support/attendance-fixtures";
import { formRequest, getRequest, sessionCookie, settle, unwrap } from "../support/requests";

async function setup() {
  const facilitator = await makeAccount({ role: "facilitator" });
  const workshop = await makeCostsWorkshop({ facilitatorIds: [facilitator.accountId] });
  const session = workshop.sessions[0];
  const base = `/staff/workshops/${workshop.id}`;
  const params = {
    id: String(workshop.id),
    sessionId: String(session.id),
    personId: String(workshop.people.teodoro),
  };
  return { facilitator, workshop, session, base, params, cookie: await sessionCookie(facilitator.accountId) };
}

async function cookieFor(role: Role) {
  return sessionCookie((await makeAccount({ role })).accountId);
}

function uploadRequest(path: string, bytes: Uint8Array, cookie: string, fileName = "participants.csv") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], fileName, { type: "text/csv" }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

const statusOf = (result: unknown) => (result instanceof Response ? result.status : unwrap(result).status);

describe("attendance pages: who may use them", () => {
  it("lets the workshop's facilitator, managers and admins in; sends anonymous people to log in; refuses members and other facilitators", async () => {
    const { base, params, cookie } = await setup();
    const cases: Array<[string, string | undefined, number]> = [
      ["anonymous", undefined, 302],
      ["member", await cookieFor("member"), 403],
      ["another facilitator", await cookieFor("facilitator"), 403],
      ["the facilitator", cookie, 200],
      ["manager", await cookieFor("manager"), 200],
      ["admin", await cookieFor("admin"), 200],
    ];
    for (const [who, c, expected] of cases) {
      const loaders: Array<() => Promise<unknown>> = [
        () =>
          rollCallLoader({
            request: getRequest(`${base}/sessions/${params.sessionId}/roll-call`, c),
            params,
            context: {},
          }),
        () =>
          importLoader({ request: getRequest(`${base}/sessions/${params.sessionId}/import`, c), params, context: {} }),
        () => summaryLoader({ request: getRequest(`${base}/attendance`, c), params, context: {} }),
        () => csvLoader({ request: getRequest(`${base}/attendance.csv`, c), params, context: {} }),
        () =>
          correctLoader({
            request: getRequest(`${base}/sessions/${params.sessionId}/correct/${params.personId}`, c),
            params,
            context: {},
          }),
      ];
      for (const [index, load] of loaders.entries())
        expect(statusOf(await settle(load)), `${who}, loader ${index}`).toBe(expected);
      const actions: Array<() => Promise<unknown>> = [
        () =>
          rollCallAction({
            request: formRequest(
              `${base}/sessions/${params.sessionId}/roll-call`,
              { intent: "mark", personId: "1", status: "present" },
              c,
            ),
            params,
            context: {},
          }),
        () =>
          importAction({
            request: formRequest(
              `${base}/sessions/${params.sessionId}/import`,
              { intent: "discard", uploadId: "1" },
              c,
            ),
            params,
            context: {},
          }),
        () =>
          correctAction({
            request: formRequest(
              `${base}/sessions/${params.sessionId}/correct/${params.personId}`,
              { status: "absent", minutes: "", reason: "" },
              c,
            ),
            params,
            context: {},
          }),
      ];
      for (const [index, act] of actions.entries()) {
        const status = statusOf(await settle(act));
        if (expected === 200) expect(status, `${who}, action ${index}`).not.toBe(403);
        else expect(status, `${who}, action ${index}`).toBe(expected);
      }
    }
  });

  it("answers 404 for unknown workshops and for a session of another workshop", async () => {
    const { params, cookie } = await setup();
    const other = await setup();
    const admin = await cookieFor("admin");
    expect(
      statusOf(
        await settle(() => summaryLoader({ request: getRequest("/x", admin), params: { id: "999999" }, context: {} })),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await settle(() =>
          rollCallLoader({
            request: getRequest("/x", admin),
            params: { id: params.id, sessionId: String(other.session.id) },
            context: {},
          }),
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await settle(() =>
          rollCallLoader({
            request: getRequest("/x", cookie),
            params: { id: params.id, sessionId: "abc" },
            context: {},
          }),
        ),
      ),
    ).toBe(404);
  });
});

describe("roll call", () => {
  it("saves the whole list in one post (no JavaScript) and one mark per tap (JavaScript)", async () => {
    const { workshop, base, params, cookie, session } = await setup();
    const path = `${base}/sessions/${params.sessionId}/roll-call`;
    const page = unwrap<Awaited<ReturnType<typeof rollCallLoader>>>(
      await rollCallLoader({ request: getRequest(path, cookie), params, context: {} }),
    ).data;
    expect(page.entries.map((e) => e.fullName)).toEqual([
      "Elena Choque",
      "Juana Flores",
      "Juana Flores",
      "Marco Apaza",
      "Rosa Quispe Mamani",
      "Teodoro Mamani Ccori",
    ]);
    const posted = await rollCallAction({
      request: formRequest(
        path + "?q=juana",
        { [`mark-${workshop.people.rosa}`]: "present", [`mark-${workshop.people.marco}`]: "absent" },
        cookie,
      ),
      params,
      context: {},
    });
    expect(posted).toBeInstanceOf(Response);
    expect((posted as Response).headers.get("Location")).toBe(`${path}?q=juana&saved=2`);
    await rollCallAction({
      request: formRequest(path, { intent: "mark", personId: String(workshop.people.rosa), status: "late" }, cookie),
      params,
      context: {},
    });
    const db = await getDb();
    const marks = await db
      .selectFrom("attendance")
      .select(["person_id", "status", "source"])
      .where("session_id", "=", session.id)
      .orderBy("person_id")
      .execute();
    expect(marks).toEqual([
      { person_id: workshop.people.rosa, status: "late", source: "roll_call" },
      { person_id: workshop.people.marco, status: "absent", source: "roll_call" },
    ]);
    const filtered = unwrap<Awaited<ReturnType<typeof rollCallLoader>>>(
      await rollCallLoader({ request: getRequest(`${path}?q=FLORES juana`, cookie), params, context: {} }),
    ).data;
    expect(filtered.entries).toHaveLength(2);
    expect(filtered.counts).toEqual({
      present: 0,
      late: 1,
      excused: 0,
      absent: 1,
      unmarked: 4,
      presentByMinutes: 0,
      corrected: 0,
    });
  });

  it("counts as present whoever an imported report shows online for the minimum, and only them", async () => {
    const { workshop, base, params, cookie, session } = await setup();
    const db = await getDb();
    const { attendance_min_minutes: minimum } = await db
      .selectFrom("workshop")
      .select("attendance_min_minutes")
      .where("id", "=", workshop.id)
      .executeTakeFirstOrThrow();
    await markAttendance(db, session.id, workshop.people.elena, { status: null, minutesOnline: minimum });
    await markAttendance(db, session.id, workshop.people.rosa, { status: null, minutesOnline: minimum - 1 });
    await markAttendance(db, session.id, workshop.people.marco, { status: "late", minutesOnline: null });
    const page = unwrap<Awaited<ReturnType<typeof rollCallLoader>>>(
      await rollCallLoader({
        request: getRequest(`${base}/sessions/${params.sessionId}/roll-call`, cookie),
        params,
        context: {},
      }),
    ).data;
    expect(page.counts).toEqual({
      present: 1,
      late: 1,
      excused: 0,
      absent: 0,
      unmarked: 4,
      presentByMinutes: 1,
      corrected: 0,
    });
    expect(page.minMinutes).toBe(minimum);

    // A hand correction to absent wins over the imported minutes in the roll call's counts too.
    await correctAttendance(db, {
      workshopId: workshop.id,
      sessionId: session.id,
      personId: workshop.people.elena,
      correctedStatus: "absent",
      correctedMinutes: null,
      reason: "Conectó la cuenta pero no estuvo",
      actorAccountId: workshop.facilitatorIds[0],
    });
    const corrected = unwrap<Awaited<ReturnType<typeof rollCallLoader>>>(
      await rollCallLoader({
        request: getRequest(`${base}/sessions/${params.sessionId}/roll-call`, cookie),
        params,
        context: {},
      }),
    ).data;
    expect(corrected.counts).toEqual({
      present: 0,
      late: 1,
      excused: 0,
      absent: 1,
      unmarked: 4,
      presentByMinutes: 0,
      corrected: 1,
    });
    expect(corrected.entries.find((e) => e.personId === workshop.people.elena)).toMatchObject({
      correctedStatus: "absent",
      minutesOnline: minimum,
    });
  });

  it("refuses a mark for someone not on the list, and an empty list post", async () => {
    const { base, params, cookie } = await setup();
    const path = `${base}/sessions/${params.sessionId}/roll-call`;
    const stranger = await makeAccount();
    const refused = await rollCallAction({
      request: formRequest(path, { [`mark-${stranger.personId}`]: "present" }, cookie),
      params,
      context: {},
    });
    expect(unwrap(refused)).toEqual({
      status: 400,
      data: { errors: { form: { key: "attendance.rollCall.notOnRoll" } }, values: {} },
    });
    expect(unwrap(await rollCallAction({ request: formRequest(path, {}, cookie), params, context: {} }))).toEqual({
      status: 400,
      data: { errors: { form: { key: "attendance.rollCall.nothingMarked" } }, values: {} },
    });
  });
});

describe("import pages", () => {
  it("refuses a file over 5 MB by its size, before reading it", async () => {
    const { base, params, cookie } = await setup();
    const path = `${base}/sessions/${params.sessionId}/import`;
    const big = new Uint8Array(20_000_000).fill(0x41);
    const result = await importAction({ request: uploadRequest(path, big, cookie, "huge.csv"), params, context: {} });
    const { status, data } = unwrap<{ step: string; error: { key: string; vars: Record<string, string> } }>(result);
    expect(status).toBe(413);
    expect(data.error.key).toBe("attendance.import.errors.tooLarge");
    expect(data.error.vars.max).toMatch(/^5\sMB$/);
    expect(await (await getDb()).selectFrom("attendance_upload").selectAll().execute()).toEqual([]);
  });

  it("uploads, reviews, refuses an undecided probable match with the choices kept, then confirms", async () => {
    const { workshop, base, params, cookie, session } = await setup();
    const path = `${base}/sessions/${params.sessionId}/import`;
    const uploaded = (await importAction({
      request: uploadRequest(path, fixtureBytes("zoom-meeting-participants.csv"), cookie),
      params,
      context: {},
    })) as Response;
    const review = uploaded.headers.get("Location")!;
    expect(review).toMatch(/\?upload=\d+$/);
    const uploadId = review.split("=")[1];
    const page = unwrap<Awaited<ReturnType<typeof importLoader>>>(
      await importLoader({ request: getRequest(review, cookie), params, context: {} }),
    ).data;
    const fields = Object.fromEntries(page.review!.items.map((item) => [`d-${item.participant.key}`, item.initial]));
    expect(fields["d-L10"]).toBe("");

    const refused = unwrap<{ errors: Record<string, unknown>; values: Record<string, string> }>(
      await importAction({
        request: formRequest(review, { intent: "confirm", uploadId, ...fields }, cookie),
        params,
        context: {},
      }),
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.errors)).toContain("L10");
    expect(refused.data.values["d-L5"]).toBe("ignore");

    const linked: Record<string, string> = {
      ...fields,
      "d-L10": "link",
      "link-L10": `person:${workshop.people.juanaSur}`,
    };
    for (const [key, value] of Object.entries(linked)) if (value === "") linked[key] = "ignore";
    const saved = (await importAction({
      request: formRequest(review, { intent: "confirm", uploadId, ...linked }, cookie),
      params,
      context: {},
    })) as Response;
    expect(saved.headers.get("Location")).toMatch(
      new RegExp(`^/staff/workshops/${workshop.id}/attendance\\?imported=\\d+\\.\\d+\\.\\d+$`),
    );
    const juana = await (await getDb())
      .selectFrom("attendance")
      .select("minutes_online")
      .where("session_id", "=", session.id)
      .where("person_id", "=", workshop.people.juanaSur)
      .executeTakeFirst();
    expect(juana).toEqual({ minutes_online: 79 });

    const again = (await importAction({
      request: uploadRequest(path, fixtureBytes("zoom-meeting-participants.csv"), cookie),
      params,
      context: {},
    })) as Response;
    expect(again.headers.get("Location")).toMatch(/\?already=/);
  });

  it("tells namesakes apart in the review by their latest workshop", async () => {
    const { base, params, cookie } = await setup();
    const db = await getDb();
    const namesakes = [];
    for (const [title, startsAt] of [
      ["Tejido a telar para la feria", "2025-03-10T15:00:00.000Z"],
      ["Quesos andinos de calidad", "2026-05-04T15:00:00.000Z"],
    ] as const) {
      const personId = await makePerson(db, { fullName: "Juana Flores", email: null, phone: null });
      const earlier = await makeWorkshop(db, { title, sessions: [startsAt] });
      await register(db, earlier.id, personId);
      namesakes.push({ personId, title });
    }
    const path = `${base}/sessions/${params.sessionId}/import`;
    const uploaded = (await importAction({
      request: uploadRequest(path, fixtureBytes("zoom-meeting-participants.csv"), cookie),
      params,
      context: {},
    })) as Response;
    const review = uploaded.headers.get("Location")!;
    const page = unwrap<Awaited<ReturnType<typeof importLoader>>>(
      await importLoader({ request: getRequest(review, cookie), params, context: {} }),
    ).data;
    for (const { personId, title } of namesakes) {
      expect(page.review!.people[personId]?.lastWorkshop?.title).toBe(title);
    }
  });

  it("names the supported formats for a file of another kind", async () => {
    const { base, params, cookie } = await setup();
    const path = `${base}/sessions/${params.sessionId}/import`;
    const result = unwrap<{ error: { key: string } }>(
      await importAction({
        request: uploadRequest(path, fixtureBytes("unknown-format.csv"), cookie),
        params,
        context: {},
      }),
    );
    expect(result).toEqual({
      status: 400,
      data: { step: "upload", error: { key: "attendance.import.errors.unknownFormat" } },
    });
  });
});

describe("the attendance rule on the attendance page", () => {
  it("is shown with a link to the workshop form, where it is set; the page no longer takes a post", async () => {
    const { base, params, cookie } = await setup();
    const page = unwrap<{ minMinutes: number }>(
      await summaryLoader({ request: getRequest(`${base}/attendance`, cookie), params, context: {} }),
    );
    expect(page.data.minMinutes).toBe(30);
    const route = await import("../../app/routes/staff.workshops.$id_.attendance");
    expect("action" in route).toBe(false);
  });
});

describe("walk-ins from the roll call", () => {
  it("registers a new person with verbal consent and marks them present in one step", async () => {
    const { workshop, base, params, cookie, session } = await setup();
    const path = `${base}/sessions/${params.sessionId}/roll-call`;
    const fields = {
      intent: "walkIn",
      method: "walk_in",
      fullName: "Saturnina Quispe Ccoa",
      phone: "987 123 456",
      consent: "on",
    };
    const done = (await rollCallAction({
      request: formRequest(path, fields, cookie),
      params,
      context: {},
    })) as Response;
    expect(done.headers.get("Location")).toBe(`${path}?walkIn=Saturnina%20Quispe%20Ccoa`);
    const db = await getDb();
    const person = await db
      .selectFrom("person")
      .selectAll()
      .where("phone", "=", "+51987123456")
      .executeTakeFirstOrThrow();
    expect(person.consent_method).toBe("staff");
    expect(
      await db
        .selectFrom("registration")
        .select(["status", "method"])
        .where("person_id", "=", person.id)
        .where("workshop_id", "=", workshop.id)
        .execute(),
    ).toEqual([{ status: "registered", method: "walk_in" }]);
    expect(
      await db
        .selectFrom("attendance")
        .select(["status", "source"])
        .where("person_id", "=", person.id)
        .where("session_id", "=", session.id)
        .execute(),
    ).toEqual([{ status: "present", source: "roll_call" }]);
  });

  it("asks '¿es esta persona?' for a similar name and creates nobody without consent", async () => {
    const { base, params, cookie } = await setup();
    const path = `${base}/sessions/${params.sessionId}/roll-call`;
    const db = await getDb();
    const before = (await db.selectFrom("person").select("id").execute()).length;
    const similar = unwrap<{ candidates: unknown[] }>(
      await rollCallAction({
        request: formRequest(
          path,
          { intent: "walkIn", method: "walk_in", fullName: "marco APAZA", consent: "on" },
          cookie,
        ),
        params,
        context: {},
      }),
    );
    expect(similar.data.candidates.length).toBeGreaterThan(0);
    const noConsent = unwrap<{ errors: Record<string, unknown> }>(
      await rollCallAction({
        request: formRequest(
          path,
          { intent: "walkIn", method: "walk_in", fullName: "Persona Sin Consentimiento" },
          cookie,
        ),
        params,
        context: {},
      }),
    );
    expect(Object.keys(noConsent.data.errors)).toEqual(["consent"]);
    expect((await db.selectFrom("person").select("id").execute()).length).toBe(before);
  });
});
