import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { makePerson, makeWorkshop } from "../../db/factories/workshops";
import { loader as ownDataLoader } from "../../app/routes/account_.data_.download";
import { loader as personDataLoader } from "../../app/routes/staff.people.$personId.data";
import { loader as registrationsLoader } from "../../app/routes/staff.workshops.$id.registrations[.]csv";
import { loader as calendarLoader } from "../../app/routes/workshops.$id.calendar[.]ics";
import { getRequest, sessionCookie } from "../support/requests";

const ctx = { context: {} };
const TODAY = /\d{4}-\d{2}-\d{2}/.source;

function savedAs(response: unknown): string {
  return (response as Response).headers.get("Content-Disposition") ?? "";
}

describe("every download is named minka-<kind>-<subject>-<date>.<ext>, the kind in the reader's language", () => {
  it("names the workshop calendar, registrations and personal data in Spanish and in English", async () => {
    const facilitator = await makeAccount({ role: "facilitator" });
    const { id } = await makeWorkshop({ title: "Gestión de Cooperativas", facilitatorIds: [facilitator.accountId] });
    const params = { id: String(id) };
    const calendar = (language: string) =>
      calendarLoader({
        request: new Request(`http://localhost/workshops/${id}/calendar.ics`, {
          headers: { "Accept-Language": language },
        }),
        params,
        ...ctx,
      });
    expect(savedAs(await calendar("es"))).toMatch(
      new RegExp(`^attachment; filename="minka-taller-gestion-de-cooperativas-${TODAY}\\.ics"$`),
    );
    expect(savedAs(await calendar("en"))).toMatch(
      new RegExp(`^attachment; filename="minka-workshop-gestion-de-cooperativas-${TODAY}\\.ics"$`),
    );

    const staffCookie = await sessionCookie(facilitator.accountId);
    const registrations = await registrationsLoader({
      request: getRequest(`/staff/workshops/${id}/registrations.csv?format=xlsx`, staffCookie),
      params,
      ...ctx,
    });
    expect(savedAs(registrations)).toMatch(
      new RegExp(`^attachment; filename="minka-inscripciones-gestion-de-cooperativas-${TODAY}\\.xlsx"$`),
    );

    const member = await makeAccount({ locale: "en" });
    const own = await ownDataLoader({
      request: getRequest("/account/data/download?format=csv", await sessionCookie(member.accountId)),
      params: {},
      ...ctx,
    });
    expect(savedAs(own)).toMatch(new RegExp(`^attachment; filename="minka-my-data-${TODAY}\\.csv"$`));

    // Staff export the data of someone without a login.
    const walkIn = await makePerson({ fullName: "Teodora Sin Cuenta" });
    const manager = await makeAccount({ role: "manager" });
    const theirs = await personDataLoader({
      request: getRequest(`/staff/people/${walkIn}/data?format=json`, await sessionCookie(manager.accountId)),
      params: { personId: String(walkIn) },
      ...ctx,
    });
    expect(savedAs(theirs)).toMatch(
      new RegExp(`^attachment; filename="minka-datos-persona-${walkIn}-${TODAY}\\.json"$`),
    );
  });
});
