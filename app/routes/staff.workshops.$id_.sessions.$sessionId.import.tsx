import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceNav, SessionLabel } from "../components/attendance-nav";
import { Field } from "../components/field";
import { ImportReview } from "../components/import-review";
import { MAX_REPORT_BYTES, REPORT_FORMATS } from "../domain/attendance-import/types";
import { formatFileSize } from "../domain/file-size";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import {
  answerReview,
  importPage,
  receiveUploadedReport,
  type ImportFailure,
  type ImportStep,
} from "../models/attendance-import-review.server";
import styles from "../styles/attendance.css";
import { requireSessionStaff } from "../auth/workshop.server";
import { formatDate, formatShortDate } from "../utils/dates";
import { getLocale } from "../utils/locale.server";
import { readReportFile } from "../utils/report-upload.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workshop.title} · Minka` : "Minka" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireSessionStaff(request, params);
  const page = await importPage(access.db, access, new URL(request.url).searchParams.get("upload"));
  return {
    ...page,
    texts: await pageTexts(request, ["attendance", "identity.candidate", "people.place", "workshops"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, ...scope } = await requireSessionStaff(request, params);
  const step = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
    ? await receiveUploadedReport(db, scope, {
        file: await readReportFile(request),
        uploadedBy: user.accountId,
        locale: await getLocale(request),
      })
    : await answerReview(db, scope, { form: await request.formData(), actorAccountId: user.accountId });
  return respond(step, new URL(request.url).pathname, scope.workshop.id);
}

/** Every step that moves on is a redirect (so a reload never posts twice); a refusal is the page again with its message. */
function respond(step: ImportStep, here: string, workshopId: number) {
  switch (step.kind) {
    case "review":
      return redirect(`${here}?upload=${step.uploadId}`);
    case "already":
      return redirect(
        `${here}?${new URLSearchParams({ already: step.importedAt, file: step.fileName.slice(0, 200) })}`,
      );
    case "discarded":
      return redirect(`${here}?discarded=1`);
    case "saved":
      return redirect(
        `/staff/workshops/${workshopId}/attendance?imported=${step.people}.${step.newPeople}.${step.ignored}`,
      );
    case "failed":
      return data<ImportFailure>(step.failure, { status: step.status });
  }
}

export default function ImportPage() {
  const { workshop, session, imports, review, gone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, locale } = useI18n();
  const already = searchParams.get("already");
  const uploadError = result?.step === "upload" ? result.error : undefined;
  return (
    <div className="narrow">
      <h1>{review ? t("attendance.review.title") : t("attendance.import.title")}</h1>
      <p>
        <strong>{workshop.title}</strong>
        <br />
        <SessionLabel startsAt={session.startsAt} timeZone={workshop.timezone} />
      </p>
      <AttendanceNav workshopId={workshop.id} sessionId={session.id} current="import" />

      {already ? (
        <p className="notice" role="status">
          {t("attendance.import.already", {
            date: formatDate(already, locale, workshop.timezone),
            file: searchParams.get("file") ?? "",
          })}
        </p>
      ) : null}
      <UndoNotice />
      {searchParams.get("discarded") ? (
        <p className="notice" role="status">
          {t("attendance.import.discarded")}
        </p>
      ) : null}
      {gone || result?.step === "gone" ? (
        <p className="form-error" role="alert">
          {t("attendance.review.gone")}
        </p>
      ) : null}

      {review ? (
        <>
          <p>
            {t("attendance.review.file", {
              file: review.fileName,
              format: t(`attendance.import.formatShort.${review.format}`),
            })}
          </p>
          <p className="notice">{t("attendance.review.nothingSaved")}</p>
          {review.otherDate ? (
            <p className="warning" role="alert">
              {t("attendance.review.otherDate", {
                reportDate: formatDate(`${review.otherDate}T12:00:00Z`, locale, "UTC"),
                sessionDate: formatDate(session.startsAt, locale, workshop.timezone),
              })}
            </p>
          ) : null}
          {review.earlier ? (
            <p className="notice" role="status">
              {t("attendance.review.earlierDecisions", {
                file: review.earlier.fileName,
                date: formatShortDate(review.earlier.importedAt, locale, workshop.timezone),
                people: review.earlier.people,
              })}
            </p>
          ) : null}
          {result?.step === "review" && result.message ? (
            <p className="form-error" role="alert">
              {t(result.message.key)}
            </p>
          ) : null}
          <ImportReview
            // A refused post brings back the choices as sent (or as "add the remaining" filled them): start from those.
            key={result?.step === "review" ? JSON.stringify(result.values) : "review"}
            items={review.items}
            people={review.people}
            registered={review.registered}
            problems={review.problems}
            errors={result?.step === "review" ? result.errors : {}}
            values={result?.step === "review" ? result.values : {}}
            uploadId={review.uploadId}
            defaultCountry={review.defaultCountry}
          />
        </>
      ) : (
        <UploadForm error={uploadError} />
      )}

      <h2>{t("attendance.import.previous")}</h2>
      {imports.length === 0 ? (
        <p>{t("attendance.import.none")}</p>
      ) : (
        <ul>
          {imports.map((i) => (
            <li key={i.id}>
              {i.undoneAt ? (
                t("attendance.import.undoneItem", {
                  file: i.fileName,
                  date: formatShortDate(i.importedAt, locale, workshop.timezone),
                  undoneDate: formatShortDate(i.undoneAt, locale, workshop.timezone),
                  by: i.undoneBy ?? "—",
                })
              ) : (
                <>
                  {t("attendance.import.previousItem", {
                    file: i.fileName,
                    date: formatShortDate(i.importedAt, locale, workshop.timezone),
                    people: i.people,
                    ignored: i.ignored,
                  })}
                  {i.undoable ? (
                    <>
                      {" · "}
                      <Link to={`/staff/workshops/${workshop.id}/sessions/${session.id}/imports/${i.id}/undo`}>
                        {t("attendance.import.undoLink", { file: i.fileName })}
                      </Link>
                    </>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function UploadForm({ error }: { error?: Msg }) {
  const { t, locale } = useI18n();
  return (
    <>
      <p>{t("attendance.import.intro")}</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <Field
          label={t("attendance.import.file")}
          hint={t("attendance.import.fileHint", { max: formatFileSize(MAX_REPORT_BYTES, locale) })}
          name="file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          error={error}
          required
        />
        <button type="submit" className="button primary">
          {t("attendance.import.upload")}
        </button>
      </Form>
      <h2>{t("attendance.import.formatsTitle")}</h2>
      <ul>
        {REPORT_FORMATS.map((format) => (
          <li key={format}>{t(`attendance.import.formats.${format}`)}</li>
        ))}
      </ul>
      <h2>{t("attendance.import.sheetTitle")}</h2>
      <p>{t("attendance.import.sheetText")}</p>
      <ul>
        {(["name", "email", "phone", "minutes", "present"] as const).map((column) => (
          <li key={column}>{t(`attendance.import.sheetColumns.${column}`)}</li>
        ))}
      </ul>
    </>
  );
}

/** The outcome of an undo, sent back here by the undo page (`?undone=deleted.restored.kept`). */
function UndoNotice() {
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const undone = /^(\d{1,6})\.(\d{1,6})\.(\d{1,6})$/.exec(searchParams.get("undone") ?? "");
  if (undone)
    return (
      <p className="notice" role="status">
        {t("attendance.import.undone", { deleted: undone[1], restored: undone[2], kept: undone[3] })}
      </p>
    );
  if (searchParams.get("alreadyUndone"))
    return (
      <p className="notice" role="status">
        {t("attendance.import.alreadyUndone")}
      </p>
    );
  return null;
}
