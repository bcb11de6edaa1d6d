import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { describeStart } from "../domain/workshop-display";
import { freeSeats } from "../domain/waitlist";
import { useI18n } from "../i18n/use-translation";
import { registrationStatuses } from "../models/registration.server";
import { listPublicWorkshops } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { getUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "workshops.list.title") }];

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request }: LoaderFunctionArgs) {
  const db = await getDb();
  const user = await getUser(request);
  const { upcoming, past } = await listPublicWorkshops(db, new Date().toISOString());
  const mine = user
    ? await registrationStatuses(
        db,
        user.personId,
        upcoming.map((w) => w.id),
      )
    : new Map<number, string>();
  return {
    upcoming: upcoming.map((w) => ({ ...w, myStatus: mine.get(w.id) ?? null })),
    past,
    texts: await pageTexts(request, [
      "workshops.list",
      "workshops.modality",
      "workshops.sessionCount",
      "workshops.sessionWhen",
      "workshops.startsWhen",
      "workshops.status",
      "workshops.timeZone",
    ]),
  };
}

type Item = ReturnType<typeof useLoaderData<typeof loader>>["upcoming"][number];

function WorkshopCard({ workshop, past }: { workshop: Item | Omit<Item, "myStatus">; past?: boolean }) {
  const { t, locale } = useI18n();
  const seats = freeSeats(workshop.capacity, workshop.registered);
  const myStatus = "myStatus" in workshop ? workshop.myStatus : null;
  return (
    <li className="card workshop-card">
      <h3>
        <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
      </h3>
      <ul className="workshop-meta">
        <li>
          <span className="badge">{t(`workshops.modality.${workshop.modality}`)}</span>{" "}
          {workshop.status === "cancelled" ? (
            <span className="badge warning">{t("workshops.status.cancelled")}</span>
          ) : null}
        </li>
        {workshop.firstStartsAt ? (
          <li>
            {t("workshops.list.firstSession", {
              when: describeStart(t, locale, workshop.firstStartsAt, workshop.timezone),
            })}
          </li>
        ) : null}
        <li>{t("workshops.sessionCount", { count: workshop.sessionCount })}</li>
        {workshop.place || workshop.region ? (
          <li>{[workshop.place, workshop.region].filter(Boolean).join(" · ")}</li>
        ) : null}
        {!past && myStatus === "registered" ? (
          <li className="greeting">{t("workshops.list.youAreRegistered")}</li>
        ) : null}
        {!past && myStatus === "waitlisted" ? (
          <li className="greeting">{t("workshops.list.youAreWaitlisted")}</li>
        ) : null}
        {!past && !myStatus && Number.isFinite(seats) ? (
          <li>{seats > 0 ? t("workshops.list.seatsLeft", { count: seats }) : t("workshops.list.full")}</li>
        ) : null}
      </ul>
    </li>
  );
}

export default function WorkshopsPage() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div>
      <h1>{t("workshops.list.title")}</h1>
      <p>{t("workshops.list.intro")}</p>
      <h2>{t("workshops.list.upcoming")}</h2>
      {upcoming.length === 0 ? <p>{t("workshops.list.noUpcoming")}</p> : null}
      <ul className="workshop-list">
        {upcoming.map((w) => (
          <WorkshopCard key={w.id} workshop={w} />
        ))}
      </ul>
      {past.length > 0 ? (
        <>
          <h2>{t("workshops.list.past")}</h2>
          <ul className="workshop-list">
            {past.map((w) => (
              <WorkshopCard key={w.id} workshop={w} past />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
