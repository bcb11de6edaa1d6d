import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AttendanceNav, SessionLabel } from "../components/attendance-nav";
import { idParam, requireSessionStaff } from "../auth/workshop.server";
import { pageTexts } from "../i18n/page-texts.server";
import { pageTitle } from "../i18n/page-title";
import { useI18n } from "../i18n/use-translation";
import { previewUndo, undoImport } from "../models/attendance-import-undo.server";
import styles from "../styles/attendance.css";
import { formatDate } from "../utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "attendance.undo.title") }];

/**
 * Undo of one attendance import (docs/decisions/022), for the staff of the workshop (the import's
 * guard). The page says what will happen; its form posts the undo. An import of another session,
 * or an unknown one, is a 404. Works without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop, session } = await requireSessionStaff(request, params);
  const preview = await previewUndo(db, idParam(params.importId), session.id);
  if (!preview) throw new Response("Not found", { status: 404 });
  return {
    texts: await pageTexts(request, ["attendance", "workshops"]),
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    session: { id: session.id, startsAt: session.starts_at },
    ...preview,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop, session } = await requireSessionStaff(request, params);
  const outcome = await undoImport(db, {
    importId: idParam(params.importId),
    sessionId: session.id,
    workshopId: workshop.id,
    actorAccountId: user.accountId,
  });
  const importPage = `/staff/workshops/${workshop.id}/sessions/${session.id}/import`;
  switch (outcome.kind) {
    case "undone":
      return redirect(`${importPage}?undone=${outcome.deleted}.${outcome.restored}.${outcome.kept}`);
    case "alreadyUndone":
      return redirect(`${importPage}?alreadyUndone=1`);
    case "notUndoable":
      return data({ refused: true }, { status: 400 });
    case "notFound":
      throw new Response("Not found", { status: 404 });
  }
}

export default function UndoImportPage() {
  const { workshop, session, import: done, counts } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const back = `/staff/workshops/${workshop.id}/sessions/${session.id}/import`;
  return (
    <div className="narrow">
      <h1>{t("attendance.undo.title")}</h1>
      <p>
        <strong>{workshop.title}</strong>
        <br />
        <SessionLabel startsAt={session.startsAt} timeZone={workshop.timezone} />
      </p>
      <AttendanceNav workshopId={workshop.id} sessionId={session.id} current="import" />
      <p>
        {t("attendance.undo.what", {
          file: done.fileName,
          date: formatDate(done.importedAt, locale, workshop.timezone),
        })}
      </p>
      {done.undoneAt ? (
        <p className="notice" role="status">
          {t("attendance.undo.done", {
            date: formatDate(done.undoneAt, locale, workshop.timezone),
            by: done.undoneByName ?? "—",
          })}
        </p>
      ) : !done.undoable || refused ? (
        <p className="form-error" role="alert">
          {t("attendance.undo.notUndoable")}
        </p>
      ) : (
        <>
          <p>{t("attendance.undo.effects", { deleted: counts.deleted, restored: counts.restored })}</p>
          {counts.kept > 0 ? <p className="warning">{t("attendance.undo.kept", { kept: counts.kept })}</p> : null}
          <p>{t("attendance.undo.peopleStay")}</p>
          <Form method="post">
            <button type="submit" className="button primary">
              {t("attendance.undo.confirm")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={back}>{t("attendance.undo.cancel")}</Link>
      </p>
    </div>
  );
}
