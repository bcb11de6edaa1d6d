import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "../auth/user.server";
import { describeSession } from "../domain/workshop-display";
import { pageTitle } from "../i18n/page-title";
import { pageTexts } from "../i18n/page-texts.server";
import { useI18n } from "../i18n/use-translation";
import { kickOutbox } from "../mail/mailer.server";
import { checkIn, checkInState, findCheckInPlace, type CheckInPlace } from "../models/checkin.server";
import styles from "../styles/checkin.css";
import { formatDate, formatTime } from "../utils/dates";
import { getDb } from "../utils/db.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "checkin.pageTitle") }];

function describe(place: CheckInPlace) {
  return {
    title: place.workshop.title,
    place: place.workshop.place,
    timezone: place.workshop.timezone,
    session: { starts_at: place.session.startsAt, ends_at: place.session.endsAt },
  };
}

/**
 * The page a poster's QR code opens. Signed out: the login, then back here. Opening it never
 * writes (link previews and prefetching open pages too): the member taps one big button.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const place = await findCheckInPlace(db, params.token ?? "");
  const texts = await pageTexts(request, [
    "checkin",
    "workshops.sessionWhen",
    "workshops.startsWhen",
    "workshops.timeZone",
  ]);
  if (!place) return data({ texts, place: null, state: null, name: user.fullName, done: null }, { status: 404 });
  const state = await checkInState(db, place, user, new Date());
  const done = new URL(request.url).searchParams.get("done");
  return {
    texts,
    place: describe(place),
    state,
    name: user.fullName,
    done: state.kind === "already" && done ? { walkIn: done === "walk-in" } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const place = await findCheckInPlace(db, params.token ?? "");
  if (!place) return data({ refused: "unknown" as const }, { status: 404 });
  const outcome = await checkIn(db, place, user);
  if (outcome.kind === "done") {
    // A walk-in's registration queues its confirmation e-mail.
    if (outcome.walkIn) kickOutbox();
    const url = new URL(request.url);
    return redirect(`${url.pathname}?done=${outcome.walkIn ? "walk-in" : "yes"}`, 303);
  }
  // The page shows the state again; nothing was written.
  return data({ refused: outcome.kind }, { status: outcome.kind === "staff" ? 403 : 409 });
}

export default function CheckInPage() {
  const { place, state, name, done } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, locale } = useI18n();
  if (!place || !state)
    return (
      <div className="narrow checkin">
        <h1>{t("checkin.unknownTitle")}</h1>
        <p className="checkin-message" role="alert">
          {t("checkin.unknown")}
        </p>
        <p>
          <Link to="/workshops">{t("checkin.toMyWorkshops")}</Link>
        </p>
      </div>
    );
  const when = describeSession(t, locale, place.session, place.timezone);
  const time = (iso: string) => formatTime(iso, locale, place.timezone);
  const day = (iso: string) => formatDate(iso, locale, place.timezone);
  const header = (
    <div className="checkin-session">
      <p className="checkin-workshop">{place.title}</p>
      <p>{when}</p>
      {place.place ? <p>{t("checkin.place", { place: place.place })}</p> : null}
    </div>
  );
  if (state.kind === "already")
    return (
      <div className="narrow checkin">
        <div className="checkin-done" role="status">
          <p className="checkin-mark" aria-hidden="true">
            ✓
          </p>
          <h1>{done ? t("checkin.doneTitle") : t("checkin.alreadyTitle")}</h1>
          <p className="checkin-name">{name}</p>
          <p className="checkin-message">
            {done ? t("checkin.doneAt", { time: time(state.at) }) : t("checkin.already", { time: time(state.at) })}
          </p>
          {done?.walkIn ? <p className="checkin-message">{t("checkin.doneWalkIn")}</p> : null}
        </div>
        {header}
      </div>
    );
  if (state.kind !== "open")
    return (
      <div className="narrow checkin">
        <h1>{t("checkin.notNowTitle")}</h1>
        {header}
        <p className="checkin-message" role={refused ? "alert" : undefined}>
          {state.kind === "early"
            ? t("checkin.early", { time: time(state.opensAt), date: day(state.opensAt) })
            : t(`checkin.${state.kind}`)}
        </p>
      </div>
    );
  return (
    <div className="narrow checkin">
      <h1>{t("checkin.title")}</h1>
      {header}
      <Form method="post" className="checkin-form">
        <p className="checkin-message">{t("checkin.question", { name })}</p>
        {state.registered ? null : <p>{t("checkin.walkInNote")}</p>}
        <button type="submit" className="button primary checkin-button">
          {t("checkin.submit")}
        </button>
      </Form>
    </div>
  );
}
