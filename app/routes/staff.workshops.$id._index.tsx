import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { describeSession } from "../domain/workshop-display";
import { useI18n } from "../i18n/use-translation";
import type { MessageKey } from "../i18n/keys";
import { listUndeliveredEmails } from "../models/email-outbox.server";
import { listRegistrations } from "../models/registration.server";
import { listSessions } from "../models/workshop.server";
import styles from "../styles/workshops.css";
import { formatShortDate, formatTime } from "../utils/dates";
import { requireWorkshopStaff } from "../auth/workshop.server";
import { TableScroll } from "../components/table-scroll";
import { WorkshopInvitation } from "../components/workshop-invitation";
import { whatsappHref, workshopInvitation } from "../domain/share-text.server";
import type { T } from "../i18n/keys";
import { appUrl } from "../models/workshop-mail.server";
import { getTranslator } from "../utils/locale.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop } = await requireWorkshopStaff(request, params);
  const [registrations, sessions, undelivered] = await Promise.all([
    listRegistrations(db, workshop.id),
    listSessions(db, workshop.id),
    listUndeliveredEmails(db, workshop.id),
  ]);
  const url = new URL(request.url);
  const { t, locale } = await getTranslator(request);
  const invitation = workshopInvitation(t as T, locale, appUrl(), workshop, sessions);
  const added = Number(url.searchParams.get("added"));
  const addedRegistration = added ? registrations.find((r) => r.id === added) : undefined;
  const cancelledId = Number(url.searchParams.get("cancelled"));
  const cancelled = cancelledId
    ? registrations.find((r) => r.id === cancelledId && r.status === "cancelled")
    : undefined;
  return {
    workshop: {
      id: workshop.id,
      title: workshop.title,
      status: workshop.status,
      capacity: workshop.capacity,
      timezone: workshop.timezone,
      attendanceMinMinutes: workshop.attendance_min_minutes,
    },
    registrations: registrations.map((r) => ({
      id: r.id,
      status: r.status,
      method: r.method,
      createdAt: r.created_at,
      position: r.position,
      fullName: r.fullName,
      contact: r.phone ?? r.email,
    })),
    sessions: sessions.map((s) => ({ id: s.id, starts_at: s.starts_at, ends_at: s.ends_at })),
    undelivered,
    invitation: { text: invitation, href: whatsappHref(invitation) },
    smtpConfigured: Boolean(process.env.SMTP_URL),
    saved: url.searchParams.get("saved") === "1",
    // Staff cancelled a registration: who, and who got the seat (promoted in the same moment).
    cancelled: cancelled
      ? {
          fullName: cancelled.fullName,
          promoted: registrations
            .filter((r) => r.promoted_at !== null && r.promoted_at === cancelled.cancelled_at)
            .map((r) => r.fullName),
        }
      : null,
    added: addedRegistration
      ? {
          fullName: addedRegistration.fullName,
          status: addedRegistration.status,
          position: addedRegistration.position,
          already: url.searchParams.get("already") === "1",
        }
      : null,
    texts: await pageTexts(request, [
      "attendance.nav",
      "attendance.rule",
      "exports.share.invitation",
      "exports.share.whatsapp",
      "identity.cancel",
      "workshops",
    ]),
  };
}

type Registration = ReturnType<typeof useLoaderData<typeof loader>>["registrations"][number];

function PeopleTable({
  people,
  showPosition,
  timeZone,
  label,
  cancelBase,
}: {
  people: Registration[];
  showPosition?: boolean;
  timeZone: string;
  label: string;
  /** Adds a "Cancelar inscripción" link per person (docs/decisions/013). */
  cancelBase?: string;
}) {
  const { t, locale } = useI18n();
  if (people.length === 0) return <p>{t("workshops.staff.view.empty")}</p>;
  return (
    <TableScroll label={label}>
      <table>
        <thead>
          <tr>
            {showPosition ? <th scope="col">{t("workshops.staff.view.position")}</th> : null}
            <th scope="col">{t("workshops.staff.view.name")}</th>
            <th scope="col">{t("workshops.staff.view.contact")}</th>
            <th scope="col">{t("workshops.staff.view.method")}</th>
            <th scope="col">{t("workshops.staff.view.when")}</th>
            {cancelBase ? <th scope="col">{t("identity.cancel.action")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {people.map((r) => (
            <tr key={r.id}>
              {showPosition ? <td>{r.position}</td> : null}
              <th scope="row">{r.fullName}</th>
              <td>{r.contact ?? t("workshops.staff.view.noContact")}</td>
              <td>{t(`workshops.staff.methods.${r.method}`)}</td>
              <td>
                {formatShortDate(r.createdAt, locale, timeZone)} {formatTime(r.createdAt, locale, timeZone)}
              </td>
              {cancelBase ? (
                <td>
                  <Link
                    to={`${cancelBase}?registration=${r.id}`}
                    aria-label={`${t("identity.cancel.action")}: ${r.fullName}`}
                  >
                    {t("identity.cancel.action")}
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export default function StaffWorkshop() {
  const {
    workshop,
    registrations,
    sessions,
    undelivered,
    smtpConfigured,
    saved,
    added,
    cancelled: undone,
    invitation,
  } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const registered = registrations.filter((r) => r.status === "registered");
  const waitlisted = registrations.filter((r) => r.status === "waitlisted");
  const cancelled = registrations.filter((r) => r.status === "cancelled");
  const base = `/staff/workshops/${workshop.id}`;
  return (
    <div>
      <p>
        <Link to="/staff/workshops">{t("workshops.staff.title")}</Link>
      </p>
      <h1>{workshop.title}</h1>
      {saved ? (
        <p className="notice" role="status">
          {t("workshops.staff.view.created")}
        </p>
      ) : null}
      {undone ? (
        <p className="notice" role="status">
          {t("identity.cancel.done", { name: undone.fullName })}
          {undone.promoted.length > 0 ? ` ${t("identity.cancel.promoted", { names: undone.promoted.join(", ") })}` : ""}
        </p>
      ) : null}
      {added ? (
        <p className="notice" role="status">
          {added.already
            ? t("workshops.walkIn.doneAlready", { name: added.fullName })
            : added.status === "waitlisted"
              ? t("workshops.walkIn.doneWaitlisted", { name: added.fullName, position: added.position ?? 1 })
              : t("workshops.walkIn.done", { name: added.fullName })}
        </p>
      ) : null}
      <p>
        <span className="badge">{t(`workshops.status.${workshop.status}`)}</span>{" "}
        {t("workshops.staff.view.summary", {
          registered: registered.length,
          waitlisted: waitlisted.length,
          cancelled: cancelled.length,
        })}
      </p>
      <p className="actions">
        <Link to={`${base}/walk-in`} className="button primary">
          {t("workshops.staff.view.addWalkIn")}
        </Link>
        <Link to={`${base}/attendance`} className="button">
          {t("attendance.nav.summary")}
        </Link>
        <a href={`${base}/registrations.csv`} className="button" download>
          {t("workshops.staff.view.exportCsv")}
        </a>
        <a href={`${base}/registrations.csv?format=xlsx`} className="button" download>
          {t("workshops.staff.view.exportXlsx")}
        </a>
        <Link to={`${base}/edit`} className="button">
          {t("workshops.staff.view.edit")}
        </Link>
        <Link to={`/workshops/${workshop.id}`} className="button">
          {t("workshops.staff.view.publicPage")}
        </Link>
      </p>

      {workshop.status === "published" ? <WorkshopInvitation {...invitation} /> : null}

      {undelivered.length > 0 || !smtpConfigured ? (
        <section aria-labelledby="mail-heading">
          <h2 id="mail-heading">{t("workshops.staff.mail.title")}</h2>
          {!smtpConfigured ? (
            <p className="form-error">{t("workshops.staff.mail.notConfigured")}</p>
          ) : (
            <p>{t("workshops.staff.mail.intro")}</p>
          )}
          {undelivered.length > 0 ? (
            <TableScroll label={t("workshops.staff.mail.title")}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("workshops.staff.mail.to")}</th>
                    <th scope="col">{t("workshops.staff.mail.kind")}</th>
                    <th scope="col">{t("workshops.staff.mail.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {undelivered.map((mail) => (
                    <tr key={mail.id}>
                      <th scope="row">{mail.to_address}</th>
                      <td>{t(`workshops.staff.mail.kinds.${mail.kind}` as MessageKey)}</td>
                      <td>
                        {t(mail.status === "failed" ? "workshops.staff.mail.failed" : "workshops.staff.mail.pending", {
                          attempts: mail.attempts,
                        })}
                        {mail.last_error ? (
                          <>
                            <br />
                            <code>{mail.last_error}</code>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </section>
      ) : null}

      <h2>
        {t("workshops.staff.view.registered")} ({registered.length}
        {workshop.capacity ? ` / ${workshop.capacity}` : ""})
      </h2>
      <PeopleTable
        people={registered}
        timeZone={workshop.timezone}
        label={t("workshops.staff.view.registered")}
        cancelBase={`${base}/cancel`}
      />
      <h2>
        {t("workshops.staff.view.waitlisted")} ({waitlisted.length})
      </h2>
      <PeopleTable
        people={waitlisted}
        showPosition
        timeZone={workshop.timezone}
        label={t("workshops.staff.view.waitlisted")}
        cancelBase={`${base}/cancel`}
      />

      <p>{t("attendance.rule.text", { minutes: workshop.attendanceMinMinutes })}</p>
      <h2>{t("workshops.staff.view.perSession")}</h2>
      {sessions.map((session, i) => (
        <section key={session.id} aria-labelledby={`session-${session.id}`} className="card session-card">
          <h3 id={`session-${session.id}`}>
            {t("workshops.staff.view.sessionHeading", {
              number: i + 1,
              when: describeSession(t, locale, session, workshop.timezone),
            })}
          </h3>
          <p>{t("workshops.staff.view.sessionPeople", { count: registered.length })}</p>
          <p className="actions">
            <Link to={`${base}/sessions/${session.id}/roll-call`}>{t("attendance.nav.rollCall")}</Link>{" "}
            <Link to={`${base}/sessions/${session.id}/import`}>{t("attendance.nav.import")}</Link>
          </p>
          {registered.length > 0 ? (
            <details>
              <summary>{t("workshops.staff.view.registered")}</summary>
              <ul>
                {registered.map((r) => (
                  <li key={r.id}>{r.fullName}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ))}

      <h2>
        {t("workshops.staff.view.cancelled")} ({cancelled.length})
      </h2>
      <PeopleTable people={cancelled} timeZone={workshop.timezone} label={t("workshops.staff.view.cancelled")} />
    </div>
  );
}
