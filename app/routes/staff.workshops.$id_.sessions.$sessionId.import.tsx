import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AttendanceNav, SessionLabel } from "../components/attendance-nav";
import { Field } from "../components/field";
import { ImportReview, type PersonOption, type ReviewItem } from "../components/import-review";
import { matchParticipants } from "../domain/attendance-import/match";
import { contactHint } from "../domain/contact";
import { decisionValue, defaultDecision, readDecision, type Decision } from "../domain/attendance-import/plan";
import { MAX_REPORT_BYTES, REPORT_FORMATS, type ParseError } from "../domain/attendance-import/types";
import { formatFileSize } from "../domain/file-size";
import type { Msg } from "../i18n/keys";
import { useI18n } from "../i18n/use-translation";
import { confirmImport, discardUpload, findKnownPeople, getUpload, listImports, receiveReport } from "../models/attendance-upload.server";
import styles from "../styles/attendance.css";
import { requireSessionStaff } from "../auth/workshop.server";
import { formatDate, formatShortDate } from "../utils/dates";
import { getLocale } from "../utils/locale.server";
import { readReportFile } from "../utils/report-upload.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workshop.title} · Minka` : "Minka" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, workshop, session } = await requireSessionStaff(request, params);
  const uploadParam = new URL(request.url).searchParams.get("upload");
  const base = {
    workshop: { id: workshop.id, title: workshop.title, timezone: workshop.timezone },
    session: { id: session.id, startsAt: session.starts_at },
    imports: (await listImports(db, session.id)).map((i) => ({ id: i.id, fileName: i.file_name, importedAt: i.imported_at, people: i.rows_matched, ignored: i.rows_ignored })),
  };
  const upload = uploadParam && /^\d{1,12}$/.test(uploadParam) ? await getUpload(db, Number(uploadParam), session.id) : undefined;
  if (!upload) return { ...base, review: null, gone: Boolean(uploadParam) };

  const { participants } = upload.payload;
  const known = await findKnownPeople(db, workshop.id, participants);
  const matches = matchParticipants(participants, known);
  const option = (p: (typeof known)[number]): PersonOption => ({
    id: p.id,
    fullName: p.fullName,
    registered: p.registered,
    details: [p.cooperative, p.birthYear ? String(p.birthYear) : null, contactHint(p.phone), contactHint(p.email)].filter((d): d is string => Boolean(d)),
  });
  const items: ReviewItem[] = participants.map((participant) => {
    const match = matches.get(participant.key)!;
    const decision = defaultDecision(participant, match);
    return { participant, match, initial: decision ? decisionValue(decision) : "" };
  });
  return {
    ...base,
    gone: false,
    review: {
      uploadId: upload.id,
      fileName: upload.fileName,
      format: upload.format,
      otherDate: upload.payload.otherDate,
      problems: upload.payload.problems,
      items,
      people: Object.fromEntries(known.map((p) => [p.id, option(p)])),
      registered: known.filter((p) => p.registered).map(option).sort((a, b) => a.fullName.localeCompare(b.fullName, "es")),
    },
  };
}

type UploadFailure = { step: "upload"; error: Msg };
/** The upload id posted is not a pending review of this session (confirmed, discarded, expired, or another session's). */
type GoneFailure = { step: "gone" };
type ReviewFailure = { step: "review"; errors: Record<string, Msg>; values: Record<string, string>; message?: Msg };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, workshop, session } = await requireSessionStaff(request, params);
  const here = new URL(request.url).pathname;

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const file = await readReportFile(request);
    if (!file.ok) {
      if (file.problem === "tooLarge") {
        const locale = await getLocale(request);
        const vars = { size: formatFileSize(file.size, locale), max: formatFileSize(MAX_REPORT_BYTES, locale) };
        return data<UploadFailure>({ step: "upload", error: { key: "attendance.import.errors.tooLarge", vars } }, { status: 413 });
      }
      if (file.problem === "notText") return data<UploadFailure>({ step: "upload", error: { key: `attendance.import.errors.notText.${file.kind}` } }, { status: 415 });
      return data<UploadFailure>({ step: "upload", error: { key: "attendance.import.errors.noFile" } }, { status: 400 });
    }
    const received = await receiveReport(db, { bytes: file.bytes, fileName: file.fileName, session, timeZone: workshop.timezone, uploadedBy: user.accountId });
    if (received.kind === "review") return redirect(`${here}?upload=${received.uploadId}`);
    if (received.kind === "already") return redirect(`${here}?already=${encodeURIComponent(received.importedAt)}`);
    return data<UploadFailure>({ step: "upload", error: parseErrorMessage(received.error) }, { status: 400 });
  }

  const form = await request.formData();
  const uploadId = Number(form.get("uploadId"));
  const validId = Number.isSafeInteger(uploadId) && uploadId > 0;
  if (form.get("intent") === "discard") {
    if (validId && (await discardUpload(db, uploadId, session.id))) return redirect(`${here}?discarded=1`);
    return data<GoneFailure>({ step: "gone" }, { status: 400 });
  }
  const upload = validId ? await getUpload(db, uploadId, session.id) : undefined;
  if (!upload) return data<GoneFailure>({ step: "gone" }, { status: 400 });

  const decisions = new Map<string, Decision>();
  const errors: Record<string, Msg> = {};
  for (const participant of upload.payload.participants) {
    const raw = form.get(`d-${participant.key}`);
    const decision = raw === "link" ? readDecision(form.get(`link-${participant.key}`)) : readDecision(raw);
    if (decision) decisions.set(participant.key, decision);
    else errors[participant.key] = { key: raw === "link" ? "attendance.review.linkRequired" : "attendance.review.chooseRequired" };
  }
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
  if (Object.keys(errors).length) return data<ReviewFailure>({ step: "review", errors, values }, { status: 400 });

  const outcome = await confirmImport(db, { uploadId: upload.id, workshopId: workshop.id, sessionId: session.id, decisions, actorAccountId: user.accountId });
  switch (outcome.kind) {
    case "saved":
      return redirect(`/staff/workshops/${workshop.id}/attendance?imported=${outcome.people}.${outcome.newPeople}.${outcome.ignored}`);
    case "already":
      return redirect(`${here}?already=${encodeURIComponent(outcome.importedAt)}`);
    case "gone":
      return data<GoneFailure>({ step: "gone" }, { status: 400 });
    case "undecided":
      return data<ReviewFailure>(
        { step: "review", errors: Object.fromEntries(outcome.keys.map((key) => [key, { key: "attendance.review.chooseRequired" } as Msg])), values },
        { status: 400 },
      );
    case "unknownPerson":
      return data<ReviewFailure>({ step: "review", errors: {}, values, message: { key: "attendance.review.unknownPerson" } }, { status: 400 });
    case "notOffered":
      return data<ReviewFailure>({ step: "review", errors: {}, values, message: { key: "attendance.review.notOffered" } }, { status: 400 });
  }
}

function parseErrorMessage(error: ParseError): Msg {
  switch (error.code) {
    case "missingColumns":
      return { key: "attendance.import.errors.missingColumns", vars: { columns: error.columns.join(", ") } };
    case "tooManyRows":
      return { key: "attendance.import.errors.tooManyRows", vars: { max: error.max } };
    default:
      return { key: `attendance.import.errors.${error.code}` };
  }
}

export default function ImportPage() {
  const { workshop, session, imports, review, gone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as UploadFailure | ReviewFailure | GoneFailure | undefined;
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
          {t("attendance.import.already", { date: formatDate(already, locale, workshop.timezone) })}
        </p>
      ) : null}
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
            {t("attendance.review.file", { file: review.fileName, format: t(`attendance.import.formatShort.${review.format}`) })}
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
          {result?.step === "review" && result.message ? (
            <p className="form-error" role="alert">
              {t(result.message.key)}
            </p>
          ) : null}
          <ImportReview
            items={review.items}
            people={review.people}
            registered={review.registered}
            problems={review.problems}
            errors={result?.step === "review" ? result.errors : {}}
            values={result?.step === "review" ? result.values : {}}
            uploadId={review.uploadId}
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
              {t("attendance.import.previousItem", {
                file: i.fileName,
                date: formatShortDate(i.importedAt, locale, workshop.timezone),
                people: i.people,
                ignored: i.ignored,
              })}
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
