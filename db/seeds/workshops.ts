import { makePerson, makeRegistration, makeWorkshop } from "../factories/workshops";
import type { DB } from "../../app/utils/db.server";

/**
 * Upcoming published workshops run by the demo facilitator, so a new user sees
 * something: one online with a join link, one in person, one nearly full.
 */
export async function seedWorkshops(db: DB): Promise<void> {
  const facilitator = await db
    .selectFrom("account")
    .select("id")
    .where("email", "=", "facilitadora@minka.test")
    .executeTakeFirstOrThrow();
  const facilitatorIds = [facilitator.id];

  await makeWorkshop({
    title: "Cómo llevar las cuentas de su cooperativa",
    description:
      "Aprenda a anotar ingresos y gastos, y a preparar un informe sencillo para la asamblea.\nTrabajaremos con ejemplos de cooperativas cafetaleras.",
    modality: "online",
    joinUrl: "https://zoom.us/j/81234567890",
    region: "Cusco",
    capacity: 40,
    facilitatorIds,
    sessions: [
      { inDays: 5, start: "10:00", end: "12:00" },
      { inDays: 12, start: "10:00", end: "12:00" },
    ],
  });

  await makeWorkshop({
    title: "Vender mejor en la feria del distrito",
    description: "Precios, presentación del producto y atención al cliente. Traiga una muestra de lo que produce.",
    modality: "in_person",
    place: "Local comunal de Pisac, Av. Amazonas 120",
    region: "Cusco",
    capacity: 25,
    facilitatorIds,
    sessions: [{ inDays: 9, start: "15:00", end: "17:30" }],
  });

  const nearlyFull = await makeWorkshop({
    title: "Asambleas que deciden: actas y votaciones",
    description: "Cómo preparar la agenda, moderar, votar y escribir el acta de una asamblea.",
    modality: "hybrid",
    place: "Cooperativa Agraria Valle Sagrado, sala de reuniones",
    joinUrl: "https://meet.jit.si/minka-asambleas",
    region: "Cusco",
    capacity: 12,
    facilitatorIds,
    sessions: [{ inDays: 3, start: "09:00", end: "11:00" }],
  });
  const names = [
    "Juana Ccori",
    "Pedro Huillca",
    "Marta Quispe",
    "Lucio Mamani",
    "Elena Cusi",
    "Rufino Apaza",
    "Nilda Torres",
    "Hilario Chura",
    "Rosaura Puma",
    "Teófilo Ancco",
    "Paulina Yupanqui",
  ];
  for (const fullName of names)
    await makeRegistration(nearlyFull.id, {
      personId: await makePerson({ fullName }),
      method: "staff",
      registeredBy: facilitator.id,
    });
}
