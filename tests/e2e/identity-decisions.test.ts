import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/server";
import { logIn } from "../support/log-in";

/**
 * No silent identity decisions (docs/decisions/013), over real HTTP with JavaScript off (plain
 * form posts), as the demo facilitator: a contact that belongs to someone with another name is
 * asked about; namesakes are told apart without showing whole contacts; typed details that differ
 * from the record are shown, kept or updated; staff cancel a registration with a reason.
 */
let server: TestServer;
let cookie = "";
const ids = {} as { own: number; assemblies: number; elena: number; juanaNorte: number };

const TABLES = ["person", "registration", "audit_log", "email_outbox"] as const;
const query = <T>(sqlText: string, ...args: unknown[]): T[] => server.query<T>(sqlText, ...args);
const rowCounts = () =>
  Object.fromEntries(TABLES.map((t) => [t, query<{ n: number }>(`select count(*) as n from ${t}`)[0].n]));

async function post(path: string, body: Record<string, string>, as = cookie) {
  const response = await fetch(server.url + path, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: as },
    body: new URLSearchParams(body),
  });
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

async function get(path: string, as = cookie) {
  const response = await fetch(server.url + path, { redirect: "manual", headers: { Cookie: as } });
  return { status: response.status, text: await response.text() };
}

const typed = { fullName: "", phone: "", email: "", sex: "", birthYear: "", cooperative: "", consent: "on" };
const walkIn = (workshop = ids.own) => `/staff/workshops/${workshop}/walk-in`;
const registrationOf = (workshop: number, person: number) =>
  query<{ id: number; status: string }>(
    "select id, status from registration where workshop_id = ? and person_id = ?",
    workshop,
    person,
  )[0];

beforeAll(async () => {
  server = await startTestServer();
  const workshop = (title: string) => query<{ id: number }>("select id from workshop where title = ?", title)[0].id;
  const person = (name: string, phone: string) =>
    query<{ id: number }>("select id from person where full_name = ? and phone = ?", name, phone)[0].id;
  Object.assign(ids, {
    own: workshop("Cómo llevar las cuentas de su cooperativa"),
    assemblies: workshop("Asambleas que deciden: actas y votaciones"),
    elena: person("Elena Choque", "+51987654321"),
    juanaNorte: person("Juana Flores", "+51911111111"),
  });
  cookie = await logIn(server, "facilitadora@minka.test");
}, 120_000);
afterAll(() => server.stop());

describe("a contact that belongs to someone with another name", () => {
  const rosa = { ...typed, fullName: "Rosa Choque Ticona", phone: "987 654 321", method: "walk_in" };

  it("asks «¿es esta persona?» and writes nothing until staff answer", async () => {
    const before = rowCounts();
    const asked = await post(walkIn(), rosa);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Este celular es de Elena Choque.");
    expect(asked.text).toContain("Sí, es Elena Choque");
    expect(asked.text).toContain("No, es otra persona: crearla sin este contacto");
    expect(asked.text.includes("987654321"), "the whole phone is not in the page").toBe(false);
    expect(rowCounts()).toEqual(before);
    // Sent again without an answer: asked again, still nothing written.
    const again = await post(walkIn(), { ...rosa, choice: "" });
    expect(again.text).toContain("Responda si es la misma persona.");
    expect(rowCounts()).toEqual(before);
  });

  it("«no»: creates a new person without the other person's phone", async () => {
    const done = await post(walkIn(), { ...rosa, choice: "new" });
    expect(done.status, done.text.slice(0, 300)).toBe(302);
    const [created] = query<{ id: number; phone: string | null }>(
      "select id, phone from person where full_name = 'Rosa Choque Ticona'",
    );
    expect(created.phone).toBeNull();
    expect(query("select phone from person where id = ?", ids.elena)).toEqual([{ phone: "+51987654321" }]);
    expect(registrationOf(ids.own, created.id).status).toBe("registered");
    expect(registrationOf(ids.own, ids.elena)).toBeUndefined();
  });

  it("«yes»: registers the owner of the phone; an id the question did not offer is refused", async () => {
    const elenaTyped = { ...rosa, fullName: "Elena Choque Mamani" };
    const before = rowCounts();
    const forged = await post(walkIn(), { ...elenaTyped, choice: String(ids.juanaNorte) });
    expect(forged.status).toBe(400);
    expect(rowCounts()).toEqual(before);
    const done = await post(walkIn(), { ...elenaTyped, choice: String(ids.elena) });
    expect(done.status, done.text.slice(0, 300)).toBe(302);
    expect(registrationOf(ids.own, ids.elena).status).toBe("registered");
    expect(query("select full_name from person where id = ?", ids.elena)).toEqual([{ full_name: "Elena Choque" }]);
  });
});

describe("namesakes in a chooser", () => {
  it("show hints that differ, and never the whole contact", async () => {
    const marta = { ...typed, fullName: "Marta Prueba Quispe", method: "walk_in" };
    const first = await post(walkIn(), { ...marta, email: "marta.prueba1@coop.pe", phone: "911 222 333" });
    expect(first.status).toBe(302);
    const second = await post(walkIn(), { ...marta, email: "marta.prueba2@coop.pe", phone: "922 111 333" });
    expect(second.text).toContain("¿Es esta persona?");
    expect((await post(walkIn(), { ...marta, email: "marta.prueba2@coop.pe", choice: "new" })).status).toBe(302);

    const asked = await post(walkIn(ids.assemblies), marta);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("ma…1@coop.pe");
    expect(asked.text).toContain("ma…2@coop.pe");
    expect(asked.text).toContain("…333");
    expect(asked.text).toContain("último taller: Cómo llevar las cuentas de su cooperativa");
    for (const whole of ["marta.prueba1@coop.pe", "marta.prueba2@coop.pe", "911222333", "922111333"])
      expect(asked.text.includes(whole), whole).toBe(false);
  });
});

describe("typed details that differ from the record", () => {
  const juana = {
    ...typed,
    fullName: "Juana Flores",
    phone: "911111111",
    cooperative: "Cooperativa Nueva Esperanza",
    birthYear: "1960",
    method: "walk_in",
  };

  it("are shown, and nothing is written until staff choose", async () => {
    const before = rowCounts();
    const asked = await post(walkIn(), juana);
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Lo escrito no coincide con la ficha de Juana Flores");
    expect(asked.text).toContain("En la ficha: Cooperativa Agraria Norte");
    expect(asked.text).toContain("Escrito ahora: Cooperativa Nueva Esperanza");
    expect(asked.text).toContain("Escrito ahora: 1960");
    expect(rowCounts()).toEqual(before);
  });

  it("keep one, update another: only the update is written, and audited", async () => {
    const done = await post(walkIn(), {
      ...juana,
      choice: String(ids.juanaNorte),
      reviewed: "birthYear,cooperative",
      update_cooperative: "keep",
      update_birthYear: "update",
    });
    expect(done.status, done.text.slice(0, 300)).toBe(302);
    expect(query("select cooperative, birth_year from person where id = ?", ids.juanaNorte)).toEqual([
      { cooperative: "Cooperativa Agraria Norte", birth_year: 1960 },
    ]);
    expect(registrationOf(ids.own, ids.juanaNorte).status).toBe("registered");
    const [audit] = query<{ details: string }>(
      "select details from audit_log where action = 'person.update.assisted' and subject_id = ?",
      ids.juanaNorte,
    );
    expect(JSON.parse(audit.details).changes).toEqual([{ field: "birthYear", from: null, to: 1960 }]);
  });
});

describe("staff cancel a registration", () => {
  it("with a reason: the seat goes to the first person waiting, audited; counts follow", async () => {
    const seat = await post(walkIn(ids.assemblies), { ...typed, fullName: "Teresa Última Silla", method: "staff" });
    expect(seat.status).toBe(302);
    const wait = await post(walkIn(ids.assemblies), { ...typed, fullName: "Irma Espera Larga", method: "staff" });
    expect(wait.status).toBe(302);
    const person = (name: string) => query<{ id: number }>("select id from person where full_name = ?", name)[0].id;
    const teresa = registrationOf(ids.assemblies, person("Teresa Última Silla"));
    expect(registrationOf(ids.assemblies, person("Irma Espera Larga")).status).toBe("waitlisted");

    const page = await get(`/staff/workshops/${ids.assemblies}`);
    expect(page.text).toContain(`/staff/workshops/${ids.assemblies}/cancel?registration=${teresa.id}`);
    const confirm = await get(`/staff/workshops/${ids.assemblies}/cancel?registration=${teresa.id}`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain("Cancelar la inscripción de Teresa Última Silla");

    const before = rowCounts();
    const noReason = await post(`/staff/workshops/${ids.assemblies}/cancel?registration=${teresa.id}`, {
      registrationId: String(teresa.id),
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("Escriba el motivo.");
    expect(rowCounts()).toEqual(before);

    // A facilitator of another workshop may not.
    const other = await logIn(server, "ana.facilitadora@minka.test");
    const refused = await post(
      `/staff/workshops/${ids.assemblies}/cancel`,
      { registrationId: String(teresa.id), reason: "no" },
      other,
    );
    expect(refused.status).toBe(403);
    expect(rowCounts()).toEqual(before);
    // Nor another workshop's registration through this one.
    const elsewhere = registrationOf(ids.own, ids.elena);
    const wrong = await post(`/staff/workshops/${ids.assemblies}/cancel`, {
      registrationId: String(elsewhere.id),
      reason: "no",
    });
    expect(wrong.status).toBe(404);
    expect(rowCounts()).toEqual(before);

    const done = await post(`/staff/workshops/${ids.assemblies}/cancel`, {
      registrationId: String(teresa.id),
      reason: "Se inscribió por error",
    });
    expect(done.status, done.text.slice(0, 300)).toBe(302);
    expect(registrationOf(ids.assemblies, person("Teresa Última Silla")).status).toBe("cancelled");
    expect(registrationOf(ids.assemblies, person("Irma Espera Larga")).status).toBe("registered");
    const [audit] = query<{ details: string; actor: number }>(
      "select details, actor_account_id as actor from audit_log where action = 'registration.cancel.staff' and subject_id = ?",
      teresa.id,
    );
    expect(JSON.parse(audit.details)).toMatchObject({
      workshopId: ids.assemblies,
      reason: "Se inscribió por error",
      promotedPersonIds: [person("Irma Espera Larga")],
    });
    expect(done.location).toBe(`/staff/workshops/${ids.assemblies}?cancelled=${teresa.id}`);
    const after = await get(done.location!);
    expect(after.text).toContain("Se canceló la inscripción de Teresa Última Silla.");
    expect(after.text).toContain("Irma Espera Larga pasó de la lista de espera a tener su lugar.");
    expect(after.text).toMatch(/12 inscritas?/);

    const again = await post(`/staff/workshops/${ids.assemblies}/cancel`, {
      registrationId: String(teresa.id),
      reason: "otra vez",
    });
    expect(again.status).toBe(409);
  });
});
