import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { describeSession, describeStart } from "../domain/workshop-display";
import { freeSeats, registrationRefusal, type RegistrationRefusal } from "../domain/waitlist";
import { useI18n } from "../i18n/use-translation";
import {
  cancelRegistration,
  countRegistered,
  findRegistration,
  registerForWorkshop,
} from "../models/registration.server";
import { canManageWorkshop, getWorkshopDetails } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { getUser, requireUser } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { kickOutbox } from "../mail/mailer.server";
import { idParam } from "../auth/workshop.server";
import { WhatsAppLink } from "../components/whatsapp-link";
import { whatsappHref, workshopShareMessage } from "../domain/share-text.server";
import type { T } from "../i18n/keys";
import { appUrl } from "../models/workshop-mail.server";
import { getTranslator } from "../utils/locale.server";
import { pageTexts } from "../i18n/page-texts.server";
import { SCRIPTS_ON_FIRST_USE } from "../components/deferred-scripts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

async function loadVisibleWorkshop(request: Request, param: string | undefined) {
  const id = idParam(param);
  const db = await getDb();
  const details = await getWorkshopDetails(db, id);
  const user = await getUser(request);
  const canManage = user ? await canManageWorkshop(db, user, id) : false;
  // Drafts exist only for the staff who run them.
  if (!details || (details.workshop.status === "draft" && !canManage)) throw new Response("Not found", { status: 404 });
  return { db, details, user, canManage };
}

/** Read more than worked: the scripts can wait for first use (decision 034). */
export const handle = SCRIPTS_ON_FIRST_USE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, details, user, canManage } = await loadVisibleWorkshop(request, params.id);
  const { workshop, sessions, facilitators, course } = details;
  const registration = user ? await findRegistration(db, workshop.id, user.personId) : null;
  const seatsLeft = freeSeats(workshop.capacity, await countRegistered(db, workshop.id));
  const isRegistered = registration?.status === "registered";
  const { t, locale } = await getTranslator(request);
  const shareMessage = workshopShareMessage(t as T, locale, appUrl(), workshop, sessions, new Date().toISOString());
  return {
    workshop: {
      id: workshop.id,
      title: workshop.title,
      description: workshop.description,
      modality: workshop.modality,
      place: workshop.place,
      // The link is for registered people (and the staff running the workshop) only.
      joinUrl: isRegistered || canManage ? workshop.join_url : null,
      hasJoinUrl: Boolean(workshop.join_url),
      country: workshop.country,
      region: workshop.region,
      timezone: workshop.timezone,
      capacity: workshop.capacity,
      attendanceMinMinutes: workshop.attendance_min_minutes,
      status: workshop.status,
      opensAt: workshop.registration_opens_at,
      closesAt: workshop.registration_closes_at,
    },
    sessions: sessions.map((s) => ({ id: s.id, starts_at: s.starts_at, ends_at: s.ends_at })),
    facilitators: facilitators.map((f) => f.fullName),
    course,
    loggedIn: Boolean(user),
    registration: registration ? { status: registration.status, position: registration.position } : null,
    seatsLeft: Number.isFinite(seatsLeft) ? seatsLeft : null,
    refusal: registrationRefusal(workshop, sessions, "self", new Date().toISOString()),
    canManage,
    share: whatsappHref(shareMessage),
    texts: await pageTexts(request, [
      "exports.share.whatsapp",
      "workshops.detail",
      "workshops.list",
      "workshops.modality",
      "workshops.register",
      "workshops.sessionWhen",
      "workshops.startsWhen",
      "workshops.timeZone",
    ]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { db, details } = await loadVisibleWorkshop(request, params.id);
  const id = details.workshop.id;
  const intent = (await request.formData()).get("intent");
  if (intent === "cancel") {
    const result = await cancelRegistration(db, { workshopId: id, personId: user.personId });
    if (result.ok && result.mailQueued) kickOutbox();
    return redirect(`/workshops/${id}?done=cancelled`);
  }
  if (intent !== "register") return data({ refused: null }, { status: 400 });
  const result = await registerForWorkshop(db, { workshopId: id, personId: user.personId, method: "self" });
  if (!result.ok) return data({ refused: result.reason as RegistrationRefusal | "notFound" }, { status: 409 });
  if (result.mailQueued) kickOutbox();
  return redirect(`/workshops/${id}?done=${result.status}${result.mailQueued ? "&mail=1" : ""}`);
}

export default function WorkshopPage() {
  const { workshop, sessions, facilitators, course, loggedIn, registration, seatsLeft, refusal, canManage, share } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const { t, locale } = useI18n();
  const shownRefusal = result?.refused && result.refused !== "notFound" ? result.refused : null;
  const here = `/workshops/${workshop.id}`;

  return (
    <article>
      <p>
        <Link to="/workshops">{t("workshops.detail.backToList")}</Link>
      </p>
      <h1>{workshop.title}</h1>
      {workshop.status === "draft" ? <p className="notice">{t("workshops.detail.draftNotice")}</p> : null}
      {workshop.status === "cancelled" ? <p className="form-error">{t("workshops.detail.cancelledNotice")}</p> : null}
      <p>
        <span className="badge">{t(`workshops.modality.${workshop.modality}`)}</span>
      </p>
      {workshop.description ? <p className="description">{workshop.description}</p> : null}

      <section className="registration-box" aria-labelledby="registration-heading">
        <h2 id="registration-heading">{t("workshops.detail.registration")}</h2>
        {search.get("done") === "cancelled" && (!registration || registration.status === "cancelled") ? (
          <p className="notice" role="status">
            {t("workshops.register.cancelled")}
          </p>
        ) : null}
        {shownRefusal ? (
          <p className="form-error" role="alert">
            {t(`workshops.register.refused.${shownRefusal}`)}
          </p>
        ) : null}
        {registration?.status === "registered" ? (
          <>
            <p className="notice" role="status">
              {t("workshops.register.registered")}
              {search.get("mail") ? ` ${t("workshops.register.confirmationSent")}` : null}
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="button" disabled={busy}>
                {t("workshops.register.cancel")}
              </button>
            </Form>
          </>
        ) : registration?.status === "waitlisted" ? (
          <>
            <p className="notice" role="status">
              {t("workshops.register.waitlisted", { position: registration.position ?? 1 })}
            </p>
            <Form method="post">
              <button type="submit" name="intent" value="cancel" className="button" disabled={busy}>
                {t("workshops.register.leaveWaitlist")}
              </button>
            </Form>
          </>
        ) : refusal ? (
          <p>{t(`workshops.register.refused.${refusal}`)}</p>
        ) : loggedIn ? (
          <>
            {seatsLeft !== null ? (
              <p>{seatsLeft > 0 ? t("workshops.list.seatsLeft", { count: seatsLeft }) : t("workshops.list.full")}</p>
            ) : null}
            <Form method="post">
              <button type="submit" name="intent" value="register" className="button primary" disabled={busy}>
                {seatsLeft === 0 ? t("workshops.register.joinWaitlist") : t("workshops.register.button")}
              </button>
            </Form>
          </>
        ) : (
          <p className="actions">
            <Link className="button primary" to={`/login?${new URLSearchParams({ redirectTo: here })}`}>
              {t("workshops.register.loginToRegister")}
            </Link>
            <Link to={`/signup`}>{t("workshops.register.noAccount")}</Link>
          </p>
        )}
      </section>

      <h2>{t("workshops.detail.sessions")}</h2>
      <ol className="session-list">
        {sessions.map((s) => (
          <li key={s.id}>{describeSession(t, locale, s, workshop.timezone)}</li>
        ))}
      </ol>
      <p className="actions">
        <a className="button" href={`${here}/calendar.ics`} download>
          {t("workshops.detail.calendar")}
        </a>
        {workshop.status === "published" ? <WhatsAppLink href={share} /> : null}
      </p>
      <p className="hint">{t("workshops.detail.calendarHint")}</p>

      <h2>{t("workshops.detail.where")}</h2>
      <ul className="workshop-meta">
        {workshop.place ? <li>{t("workshops.detail.place", { place: workshop.place })}</li> : null}
        {workshop.region || workshop.country ? (
          <li>
            {[workshop.region, workshop.country ? t(`common.countries.${workshop.country as "PE"}`) : null]
              .filter(Boolean)
              .join(", ")}
          </li>
        ) : null}
        {workshop.joinUrl ? (
          <li>
            <a className="join-link" href={workshop.joinUrl} rel="noopener noreferrer">
              {t("workshops.detail.joinLink")}
            </a>
          </li>
        ) : workshop.hasJoinUrl ? (
          <li>{t("workshops.detail.joinLinkHidden")}</li>
        ) : null}
      </ul>
      <ul className="workshop-meta">
        {facilitators.length ? <li>{t("workshops.detail.facilitators", { names: facilitators.join(", ") })}</li> : null}
        {course ? (
          <li>
            {t("workshops.detail.course")} <Link to={`/courses/${course.slug}`}>{course.title}</Link>
          </li>
        ) : null}
        {workshop.modality !== "in_person" ? (
          <li>{t("workshops.detail.attendanceRule", { minutes: workshop.attendanceMinMinutes })}</li>
        ) : null}
        {workshop.capacity ? <li>{t("workshops.detail.capacity", { count: workshop.capacity })}</li> : null}
        {workshop.opensAt ? (
          <li>
            {t("workshops.detail.opens", { date: describeStart(t, locale, workshop.opensAt, workshop.timezone) })}
          </li>
        ) : null}
        {workshop.closesAt ? (
          <li>
            {t("workshops.detail.closes", { date: describeStart(t, locale, workshop.closesAt, workshop.timezone) })}
          </li>
        ) : null}
      </ul>
      {canManage ? (
        <p>
          <Link to={`/staff/workshops/${workshop.id}`}>{t("workshops.detail.staffLink")}</Link>
        </p>
      ) : null}
    </article>
  );
}
