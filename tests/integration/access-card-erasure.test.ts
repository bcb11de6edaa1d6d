import { describe, expect, it } from "vitest";
import { makeAccount } from "../../db/factories";
import { issueAccessCards, signInWithCard, signInWithShortCode } from "../../app/models/access-card.server";
import { erasePerson } from "../../app/models/privacy.server";
import { sendSignInLink, signInWithLink } from "../../app/models/sign-in-link.server";
import { getDb } from "../../app/utils/db.server";

describe("erasing a member", () => {
  it("deletes their access cards and sign-in links: neither opens the erased account", async () => {
    const db = await getDb();
    const admin = await makeAccount({ role: "admin" });
    const facilitator = await makeAccount({ role: "facilitator" });
    const member = await makeAccount({ email: "borrar.tarjeta@example.org", phone: "+51955555555" });
    const issued = await issueAccessCards(db, {
      personId: member.personId,
      issuerAccountId: facilitator.accountId,
      copies: 1,
    });
    if (!issued.ok) throw new Error(issued.reason);
    const [card] = issued.cards;
    const link = await sendSignInLink(db, "borrar.tarjeta@example.org");
    expect(link).not.toBeNull();

    expect(await erasePerson(db, member.personId, admin.accountId)).toBe(true);

    const left = await db
      .selectFrom("access_card")
      .select("id")
      .where("account_id", "=", member.accountId)
      .union(db.selectFrom("sign_in_link").select("id").where("account_id", "=", member.accountId))
      .execute();
    expect(left).toEqual([]);
    expect(await signInWithCard(db, card.token)).toEqual({ ok: false, reason: "unknown" });
    expect(await signInWithShortCode(db, card.code, "+51955555555")).toBeNull();
    expect(await signInWithLink(db, link!)).toBeNull();
  });
});
