/**
 * A separate process registering people for one workshop through the real model
 * function, on its own connection to the same SQLite file. Waits for "go" on
 * stdin so that all processes fire at once; prints one JSON line of outcomes.
 */
import readline from "node:readline";
import { registerForWorkshop } from "../../app/models/registration.server";
import { createDatabase } from "../../app/utils/db.server";

const [file, workshopId, personIds] = [
  process.argv[2],
  Number(process.argv[3]),
  JSON.parse(process.argv[4]) as number[],
];
const db = await createDatabase(file);
await db.selectFrom("workshop").select("id").where("id", "=", workshopId).executeTakeFirstOrThrow();
console.log("ready");
await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));
const outcomes = await Promise.all(
  personIds.map(async (personId) => {
    try {
      return { personId, outcome: await registerForWorkshop(db, { workshopId, personId, method: "self" }) };
    } catch (error) {
      return { personId, error: String(error) };
    }
  }),
);
await db.destroy();
console.log(JSON.stringify(outcomes));
