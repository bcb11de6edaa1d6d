import type { Insertable } from "kysely";
import type { AttendanceStatus, RegistrationMethod, RegistrationTable, Sex } from "../schema";
import { makeAccount } from "../factories";
import { personRow } from "../factories/reach";
import { makeWorkshop } from "../factories/workshops";
import { refreshLocalDates } from "../../app/models/local-dates.server";
import { nameKey } from "../../app/domain/names";
import { seededRandom } from "../seeded-random";
import type { DB } from "../../app/utils/db.server";

/**
 * The school's story for FY 2023 (1 Oct 2022 – 30 Sep 2023): six workshops that together
 * reached exactly 910 unique individuals, many of them at more than one workshop, plus people
 * who registered and never came (or stayed online too briefly), and course enrolments and
 * completions by some of the same people when courses exist. Deterministic: a seeded PRNG.
 * Fast: persons, registrations and attendance go in as multi-row inserts; nobody gets a login.
 */
export const STORY_REACHED = 910;
const NOT_REACHED = 70;

const FIRST_NAMES = [
  "María",
  "Rosa",
  "Juana",
  "Carmen",
  "Flor",
  "Luz",
  "Elena",
  "Sonia",
  "Nélida",
  "Yolanda",
  "Marleni",
  "Ana",
  "Gloria",
  "Teresa",
  "Lidia",
  "Juan",
  "José",
  "Pedro",
  "Luis",
  "Carlos",
  "Jorge",
  "Víctor",
  "Mario",
  "Hugo",
  "Fredy",
  "Edwin",
  "Ángel",
  "Raúl",
  "Wilber",
  "Percy",
];
const SURNAMES = [
  "Quispe",
  "Mamani",
  "Huamán",
  "Condori",
  "Flores",
  "Apaza",
  "Choque",
  "Ccori",
  "Torres",
  "Rojas",
  "Chávez",
  "Ramos",
  "Vargas",
  "Gutiérrez",
  "López",
  "García",
  "Pérez",
  "Sánchez",
  "Cruz",
  "Tito",
  "Ticona",
  "Pari",
  "Layme",
  "Cusi",
  "Yupanqui",
  "Pacheco",
  "Ortiz",
  "Díaz",
  "Morales",
  "Castillo",
  "Hernández",
  "Xicará",
  "Batz",
  "Tzoc",
  "Rosario",
  "Peña",
  "Castro",
  "Jiménez",
  "Vega",
  "Mendoza",
];
const COOPERATIVES: Record<string, string[]> = {
  PE: [
    "Cooperativa Agraria Cafetalera Valle Inca",
    "Cooperativa de Ahorro y Crédito Santa María",
    "Cooperativa Agraria Lanera Altiplano",
    "Cooperativa Cacaotera Río Ene",
  ],
  GT: ["Cooperativa Integral Flor de Café", "Cooperativa de Tejedoras Ixoqi'"],
  DO: ["Cooperativa Cacaotera del Cibao"],
};
const REGIONS: Record<string, string[]> = {
  PE: ["Cusco", "Junín", "Puno", "Cajamarca"],
  GT: ["Quetzaltenango", "Sololá"],
  DO: ["Duarte", "Santiago"],
};

interface StoryWorkshop {
  title: string;
  modality: "online" | "in_person" | "hybrid";
  country: string;
  region: string;
  timezone?: string;
  place?: string;
  dates: string[];
  start?: string;
  end?: string;
  facilitators: Array<"carmen" | "marco" | "ana">;
  /** Share of the 910 whose first workshop this is. */
  weight: number;
}

const STORY: StoryWorkshop[] = [
  {
    title: "Finanzas para la cooperativa",
    modality: "in_person",
    country: "PE",
    region: "Cusco",
    place: "Local de la Cooperativa Valle Inca, Quillabamba",
    dates: ["2022-10-18", "2022-10-25"],
    facilitators: ["carmen"],
    weight: 0.2,
  },
  {
    title: "Comercializar mejor nuestro café",
    modality: "hybrid",
    country: "PE",
    region: "Junín",
    place: "Auditorio municipal de Pichanaqui",
    dates: ["2022-12-06", "2022-12-13"],
    facilitators: ["carmen", "marco"],
    weight: 0.2,
  },
  {
    title: "Liderazgo de mujeres cooperativistas",
    modality: "online",
    country: "GT",
    region: "Quetzaltenango",
    timezone: "America/Guatemala",
    dates: ["2023-02-14", "2023-02-21"],
    facilitators: ["ana"],
    weight: 0.15,
  },
  {
    title: "Contabilidad básica paso a paso",
    modality: "online",
    country: "PE",
    region: "Puno",
    dates: ["2023-04-11", "2023-04-18", "2023-04-25"],
    facilitators: ["marco"],
    weight: 0.2,
  },
  {
    title: "Buen gobierno en la asamblea",
    modality: "in_person",
    country: "DO",
    region: "Duarte",
    timezone: "America/Santo_Domingo",
    place: "Salón de la Cooperativa del Cibao, San Francisco de Macorís",
    dates: ["2023-06-20"],
    facilitators: ["ana"],
    weight: 0.1,
  },
  // Ends at 21:00 on 30 September in Lima, already 1 October in UTC: still FY 2023.
  {
    title: "Planificar el año que viene",
    modality: "in_person",
    country: "PE",
    region: "Puno",
    place: "Casa comunal de Ilave",
    dates: ["2023-09-30"],
    start: "19:00",
    end: "21:00",
    facilitators: ["carmen"],
    weight: 0.15,
  },
];

async function insertMany<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 250) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seedReachStory(db: DB): Promise<void> {
  const random = seededRandom(20230930);
  const carmen = await db
    .selectFrom("account")
    .select("id")
    .where("email", "=", "facilitadora@minka.test")
    .executeTakeFirstOrThrow();
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const marco = await makeAccount({
    email: "marco.facilitador@minka.test",
    fullName: "Marco Quispe Flores",
    role: "facilitator",
  });
  const ana = await makeAccount({
    email: "ana.facilitadora@minka.test",
    fullName: "Ana Xicará Batz",
    role: "facilitator",
    country: "GT",
  });
  const facilitator = { carmen: carmen.id, marco: marco.accountId, ana: ana.accountId };

  const workshops: Array<StoryWorkshop & { id: number; sessionIds: number[] }> = [];
  for (const w of STORY) {
    const made = await makeWorkshop({
      title: w.title,
      description: "Taller del programa 2022–2023.",
      modality: w.modality,
      country: w.country,
      region: w.region,
      place: w.place ?? null,
      timezone: w.timezone,
      joinUrl: w.modality === "in_person" ? null : "https://zoom.us/j/5550001234",
      facilitatorIds: w.facilitators.map((f) => facilitator[f]),
      sessions: w.dates.map((date) => ({ date, start: w.start ?? "10:00", end: w.end ?? "12:30" })),
    });
    workshops.push({ ...w, id: made.id, sessionIds: made.sessions.map((s) => s.id) });
  }

  // Persons: the 910 who came, then 70 who registered and did not (or not long enough).
  const now = new Date().toISOString();
  const people: Array<{ country: string; first: number; reached: boolean }> = [];
  const rows = [];
  for (let i = 0; i < STORY_REACHED + NOT_REACHED; i++) {
    let roll = random();
    let first = 0;
    while (first < workshops.length - 1 && roll > workshops[first].weight) roll -= workshops[first++].weight;
    const home = workshops[first].country;
    const country = random() < 0.04 ? null : home;
    const sexRoll = random();
    const sex: Sex = sexRoll < 0.58 ? "female" : sexRoll < 0.95 ? "male" : sexRoll < 0.97 ? "other" : "not_stated";
    const ageRoll = random();
    const age =
      ageRoll < 0.03
        ? 12 + Math.floor(random() * 3)
        : ageRoll < 0.3
          ? 15 + Math.floor(random() * 15)
          : ageRoll < 0.88
            ? 30 + Math.floor(random() * 35)
            : 65 + Math.floor(random() * 15);
    const female = sex === "female" || (sex !== "male" && random() < 0.5);
    const firstName = female ? FIRST_NAMES[Math.floor(random() * 15)] : FIRST_NAMES[15 + Math.floor(random() * 15)];
    rows.push(
      personRow(
        {
          fullName: `${firstName} ${pick(SURNAMES)} ${pick(SURNAMES)}`,
          phone: random() < 0.4 ? `+519${String(10_000_000 + i * 7919).slice(-8)}` : null,
          email: random() < 0.15 ? `participante${i + 1}@correo.example` : null,
          sex,
          birthYear: random() < 0.08 ? null : 2023 - age,
          country,
          region: country && random() < 0.85 ? pick(REGIONS[country] ?? [""]) || null : null,
          cooperative: random() < 0.88 ? pick(COOPERATIVES[home]) : null,
        },
        now,
      ),
    );
    people.push({ country: home, first, reached: i < STORY_REACHED });
  }
  const before =
    (
      await db
        .selectFrom("person")
        .select((eb) => eb.fn.max("id").as("max"))
        .executeTakeFirst()
    )?.max ?? 0;
  await insertMany(rows, (chunk) => db.insertInto("person").values(chunk).execute());
  const ids = (await db.selectFrom("person").select("id").where("id", ">", Number(before)).orderBy("id").execute()).map(
    (r) => r.id,
  );

  // Imports of the online reports, so the data quality panel has something true to say.
  const importIds = new Map<number, { id: number; matched: number }>();
  for (const w of workshops) {
    if (w.modality === "in_person") continue;
    for (const sessionId of w.sessionIds) {
      const row = await db
        .insertInto("attendance_import")
        .values({
          session_id: sessionId,
          file_hash: `story-${sessionId}`,
          file_name: `zoom-${sessionId}.csv`,
          format: "zoom_meeting",
          rows_total: 0,
          rows_matched: 0,
          rows_ignored: 0,
          imported_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      importIds.set(sessionId, { id: row.id, matched: 0 });
    }
  }

  const registrations: Insertable<RegistrationTable>[] = [];
  const attendance: Array<{
    session_id: number;
    person_id: number;
    status: AttendanceStatus | null;
    minutes_online: number | null;
    source: "roll_call" | "import";
    import_id: number | null;
    recorded_at: string;
  }> = [];
  const mark = (w: (typeof workshops)[number], sessionId: number, personId: number, attended: boolean) => {
    const online = w.modality === "online" || (w.modality === "hybrid" && random() < 0.5);
    if (online) {
      const minutes = attended ? 30 + Math.floor(random() * 100) : 5 + Math.floor(random() * 20);
      const imp = importIds.get(sessionId)!;
      imp.matched++;
      attendance.push({
        session_id: sessionId,
        person_id: personId,
        status: null,
        minutes_online: minutes,
        source: "import",
        import_id: imp.id,
        recorded_at: now,
      });
    } else {
      const status: AttendanceStatus = attended
        ? random() < 0.85
          ? "present"
          : "late"
        : random() < 0.5
          ? "absent"
          : "excused";
      attendance.push({
        session_id: sessionId,
        person_id: personId,
        status,
        minutes_online: null,
        source: "roll_call",
        import_id: null,
        recorded_at: now,
      });
    }
  };
  const createdAt = (w: (typeof workshops)[number]) => `${w.dates[0]}T00:00:00.000Z`;

  people.forEach((person, index) => {
    const personId = ids[index];
    const chosen = new Set([person.first]);
    if (random() < 0.4) chosen.add(Math.floor(random() * workshops.length));
    if (random() < 0.12) chosen.add(Math.floor(random() * workshops.length));
    for (const wi of chosen) {
      const w = workshops[wi];
      const walkIn = person.reached && w.modality !== "online" && random() < 0.1;
      const method: RegistrationMethod = walkIn ? "walk_in" : random() < 0.7 ? "self" : "staff";
      registrations.push({
        workshop_id: w.id,
        person_id: personId,
        status: "registered",
        method,
        created_at: createdAt(w),
        updated_at: createdAt(w),
      });
      if (!person.reached) {
        // Registered but never attended: no mark at all, or a mark that does not meet the rule.
        if (random() < 0.5) mark(w, w.sessionIds[0], personId, false);
        continue;
      }
      // At least one attended session, others attended or missed.
      const attendedSession = Math.floor(random() * w.sessionIds.length);
      w.sessionIds.forEach((sessionId, si) => {
        if (si === attendedSession) mark(w, sessionId, personId, true);
        else if (random() < 0.6) mark(w, sessionId, personId, random() < 0.75);
      });
    }
  });
  // A few people on waitlists or who cancelled: they never count as registered.
  for (let i = 0; i < 12; i++) {
    const w = workshops[i % workshops.length];
    const personId = ids[STORY_REACHED + NOT_REACHED - 1 - i];
    if (registrations.some((r) => r.workshop_id === w.id && r.person_id === personId)) continue;
    registrations.push({
      workshop_id: w.id,
      person_id: personId,
      status: i % 2 ? "waitlisted" : "cancelled",
      method: "self",
      created_at: createdAt(w),
      updated_at: createdAt(w),
    });
  }
  await insertMany(registrations, (chunk) => db.insertInto("registration").values(chunk).execute());
  await insertMany(attendance, (chunk) => db.insertInto("attendance").values(chunk).execute());
  for (const [, imp] of importIds) {
    const ignored = 2 + (imp.id % 3); // hosts and unrecognised names
    await db
      .updateTable("attendance_import")
      .set({ rows_total: imp.matched + ignored, rows_matched: imp.matched, rows_ignored: ignored })
      .where("id", "=", imp.id)
      .execute();
  }

  // A likely duplicate to review: a no-show registered again under the phone of someone who came.
  const twin = ids[STORY_REACHED];
  const original = await db
    .selectFrom("person")
    .select(["full_name", "phone", "birth_year", "cooperative"])
    .where("id", "=", ids[0])
    .executeTakeFirstOrThrow();
  await db
    .updateTable("person")
    .set({
      phone: original.phone ?? "+51987000001",
      birth_year: original.birth_year,
      full_name: original.full_name.toUpperCase(),
      name_key: nameKey(original.full_name),
    })
    .where("id", "=", twin)
    .execute();
  if (!original.phone) await db.updateTable("person").set({ phone: "+51987000001" }).where("id", "=", ids[0]).execute();

  await refreshLocalDates(db);
  await seedReachCourseStory(db);
}

/**
 * Enrolments and completions in FY 2023 by people the story's workshops reached, so the unique
 * count stays 910. Courses come from the content build, which may run after the seed: without
 * courses this does nothing, and `npm start` calls it again after the build. Runs once.
 */
export async function seedReachCourseStory(db: DB): Promise<void> {
  const courses = await db
    .selectFrom("course")
    .select("id")
    .where("published", "=", 1)
    .orderBy("id")
    .limit(2)
    .execute();
  if (courses.length === 0) return;
  const reached = (
    await db
      .selectFrom("attendance as a")
      .innerJoin("workshop_session as s", "s.id", "a.session_id")
      .innerJoin("workshop as w", "w.id", "s.workshop_id")
      .select("a.person_id")
      .distinct()
      .where(
        "w.title",
        "in",
        STORY.map((w) => w.title),
      )
      .where((eb) => eb.or([eb("a.status", "in", ["present", "late"]), eb("a.minutes_online", ">=", 30)]))
      .orderBy("a.person_id")
      .execute()
  ).map((r) => r.person_id);
  if (reached.length === 0) return;
  const done = await db
    .selectFrom("enrolment")
    .select("id")
    .where("person_id", "in", reached)
    .where("enrolled_at", "<", "2023-10-01")
    .executeTakeFirst();
  if (done) return;
  const random = seededRandom(20221001);
  const enrolments = [];
  const completions = [];
  for (const [n, course] of courses.entries()) {
    const lessons = await db
      .selectFrom("lesson")
      .select("id")
      .where("course_id", "=", course.id)
      .where("required", "=", 1)
      .where("archived_at", "is", null)
      .execute();
    for (let i = n; i < reached.length; i += 3) {
      const day = 1 + Math.floor(random() * 250);
      const enrolledAt = new Date(Date.UTC(2022, 9, 1, 15) + day * 86_400_000).toISOString();
      const completed = random() < 0.45 && lessons.length > 0;
      const completedAt = completed
        ? new Date(Date.parse(enrolledAt) + (5 + Math.floor(random() * 60)) * 86_400_000).toISOString()
        : null;
      enrolments.push({
        person_id: reached[i],
        course_id: course.id,
        method: "staff" as const,
        enrolled_at: enrolledAt,
        completed_at: completedAt,
      });
      if (completedAt)
        for (const lesson of lessons)
          completions.push({
            person_id: reached[i],
            lesson_id: lesson.id,
            method: "manual" as const,
            completed_at: completedAt,
          });
    }
  }
  await insertMany(enrolments, (chunk) => db.insertInto("enrolment").values(chunk).execute());
  await insertMany(completions, (chunk) => db.insertInto("lesson_completion").values(chunk).execute());
  await refreshLocalDates(db);
}
