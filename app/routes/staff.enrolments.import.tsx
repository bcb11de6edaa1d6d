import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EnrolmentCommitSchema } from "../forms/enrolment-import.server";
import { parseSubmission } from "../forms/submission.server";
import { CheckboxField, Field, FormErrorSummary } from "../components/field";
import type { FileProblem } from "../domain/enrolment-csv";
import { formatFileSize } from "../domain/file-size";
import { regionName } from "../domain/regions";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, NAME_MAX } from "../domain/limits";
import type { NotTextKind } from "../domain/upload-sniff";
import { useI18n } from "../i18n/use-translation";
import { listCoursesForStaff } from "../models/course-report.server";
import {
  commitEnrolmentImport,
  previewEnrolmentUpload,
  receiveEnrolmentList,
  type ImportPreview,
} from "../models/enrolment-import.server";
import styles from "../styles/learning.css";
import { requireRole } from "../auth/user.server";
import { getDb } from "../utils/db.server";
import { readUploadedFile } from "../utils/report-upload.server";
import { TableScroll } from "../components/table-scroll";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "facilitator");
  const courses = await listCoursesForStaff(await getDb());
  return {
    exampleSlug: courses.find((c) => c.open)?.slug ?? "que-es-una-cooperativa",
    texts: await pageTexts(request, ["learning.import", "learning.staff"]),
  };
}

type Problem = FileProblem | "noFile" | "tooLarge" | "consentRequired" | "gone" | `notText.${NotTextKind}`;
type ActionResult =
  | { step: "preview"; preview: Extract<ImportPreview, { ok: true }>; uploadId: number | null; problem?: Problem }
  | { step: "refused"; problem: Problem; size?: number }
  | { step: "done"; enrolled: number; created: number; already: number };

/**
 * Two steps, both plain forms: "preview" reads the uploaded file, checks every
 * row and keeps the list server-side (one staff member's, for a day);
 * "commit" names that list by `uploadId` and writes it all in one
 * transaction, after checking it again. A file over MAX_IMPORT_BYTES is
 * refused before it is parsed; a list that is gone or someone else's is
 * "upload it again".
 */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const db = await getDb();
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUploadedFile(request, MAX_IMPORT_BYTES);
    if (!upload.ok) {
      if (upload.problem === "tooLarge")
        return data<ActionResult>({ step: "refused", problem: "tooLarge", size: upload.size }, { status: 413 });
      if (upload.problem === "notText")
        return data<ActionResult>({ step: "refused", problem: `notText.${upload.kind}` }, { status: 415 });
      return data<ActionResult>({ step: "refused", problem: "noFile" }, { status: 400 });
    }
    const { preview, uploadId } = await receiveEnrolmentList(db, {
      bytes: upload.bytes,
      fileName: upload.fileName,
      uploadedBy: staff.accountId,
    });
    if (!preview.ok) return data<ActionResult>({ step: "refused", problem: preview.problem }, { status: 400 });
    return data<ActionResult>({ step: "preview", preview, uploadId }, { status: preview.problemCount > 0 ? 400 : 200 });
  }
  const form = await request.formData();
  if (form.get("intent") === "commit") {
    const submission = parseSubmission(EnrolmentCommitSchema, form);
    if (!submission.ok) return data<ActionResult>({ step: "refused", problem: "gone" }, { status: 400 });
    const { uploadId, consent } = submission.data;
    if (!consent) {
      const preview = await previewEnrolmentUpload(db, uploadId, { accountId: staff.accountId });
      if (!preview) return data<ActionResult>({ step: "refused", problem: "gone" }, { status: 400 });
      if (!preview.ok) return data<ActionResult>({ step: "refused", problem: preview.problem }, { status: 400 });
      return data<ActionResult>({ step: "preview", preview, uploadId, problem: "consentRequired" }, { status: 400 });
    }
    const result = await commitEnrolmentImport(db, uploadId, { accountId: staff.accountId });
    if (result.ok)
      return data<ActionResult>({
        step: "done",
        enrolled: result.enrolled,
        created: result.peopleCreated,
        already: result.alreadyEnrolled,
      });
    if (result.gone) return data<ActionResult>({ step: "refused", problem: "gone" }, { status: 400 });
    if (!result.preview.ok)
      return data<ActionResult>({ step: "refused", problem: result.preview.problem }, { status: 400 });
    return data<ActionResult>({ step: "preview", preview: result.preview, uploadId: null }, { status: 400 });
  }
  return data<ActionResult>({ step: "refused", problem: "noFile" }, { status: 400 });
}

export default function ImportEnrolments() {
  const { exampleSlug } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const problem = result && result.step !== "done" ? result.problem : undefined;
  return (
    <div>
      <p>
        <Link to="/staff/courses">{t("learning.staff.coursesTitle")}</Link>
      </p>
      <h1>{t("learning.import.title")}</h1>
      {result?.step === "done" ? (
        <p className="notice" role="status">
          {t("learning.import.done", { enrolled: result.enrolled, created: result.created, already: result.already })}
        </p>
      ) : null}
      {problem && result?.step === "refused" ? (
        <p className="form-error" role="alert">
          {problem === "tooLarge"
            ? t("learning.import.fileProblems.tooLarge", {
                size: formatFileSize(result.size ?? 0, locale),
                max: formatFileSize(MAX_IMPORT_BYTES, locale),
              })
            : t(`learning.import.fileProblems.${problem}`, { max: MAX_IMPORT_ROWS })}
        </p>
      ) : null}
      {result?.step === "preview" ? (
        <PreviewTable
          preview={result.preview}
          uploadId={result.uploadId}
          consentMissing={problem === "consentRequired"}
        />
      ) : null}
      <p>{t("learning.import.intro")}</p>
      <p>{t("learning.import.example")}</p>
      <p>{t("learning.import.courseHint", { slug: exampleSlug })}</p>
      <p>{t("learning.import.placeHint")}</p>
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <Field label={t("learning.import.file")} name="file" type="file" accept=".csv,text/csv,text/plain" required />
        <button type="submit" className={result?.step === "preview" ? "button" : "button primary"}>
          {t("learning.import.preview")}
        </button>
      </Form>
    </div>
  );
}

function PreviewTable({
  preview,
  uploadId,
  consentMissing,
}: {
  preview: Extract<ImportPreview, { ok: true }>;
  uploadId: number | null;
  consentMissing: boolean;
}) {
  const { t } = useI18n();
  const ok = preview.problemCount === 0;
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{t("learning.import.previewTitle")}</h2>
      <p className={ok ? "notice" : "form-error"} role={ok ? "status" : "alert"}>
        {ok
          ? t("learning.import.allGood", { count: preview.rows.length })
          : t("learning.import.hasProblems", { count: preview.problemCount })}
      </p>
      <TableScroll label={t("learning.import.previewTitle")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("learning.import.columns.line")}</th>
              <th scope="col">{t("learning.import.columns.name")}</th>
              <th scope="col">{t("learning.import.columns.contact")}</th>
              <th scope="col">{t("learning.import.columns.course")}</th>
              <th scope="col">{t("learning.import.columns.place")}</th>
              <th scope="col">{t("learning.import.columns.result")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <th scope="row">{row.fullName}</th>
                <td>{[row.rawEmail, row.rawPhone].filter(Boolean).join(" · ")}</td>
                <td>{row.course?.title ?? row.rawCourse}</td>
                <td>
                  {row.problems.length === 0
                    ? [regionName(row.region), row.country ? t(`common.countries.${row.country}`) : null]
                        .filter(Boolean)
                        .join(", ")
                    : [row.rawRegion, row.rawCountry].filter(Boolean).join(", ")}
                </td>
                <td>
                  {row.problems.length > 0 ? (
                    <ul className="import-problems">
                      {row.problems.map((p) => (
                        <li key={p}>
                          {t(`learning.import.problems.${p}`, {
                            course: row.rawCourse,
                            line: row.duplicateOf ?? 0,
                            max: NAME_MAX,
                            country: row.rawCountry,
                            region: row.rawRegion,
                            countryName: row.country ? t(`common.countries.${row.country}`) : "",
                            name: row.contactOwner ?? "",
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : row.alreadyEnrolled ? (
                    t("learning.import.alreadyEnrolled")
                  ) : row.existingPerson ? (
                    t("learning.import.willEnrol", { name: row.existingPerson.fullName })
                  ) : (
                    t("learning.import.willCreate")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {ok && uploadId !== null ? (
        <Form method="post">
          <FormErrorSummary show={consentMissing} message={{ key: "learning.import.fileProblems.consentRequired" }} />
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="uploadId" value={uploadId} />
          <CheckboxField
            label={t("learning.import.consent")}
            name="consent"
            error={consentMissing ? { key: "learning.import.fileProblems.consentRequired" } : undefined}
          />
          <button type="submit" className="button primary">
            {t("learning.import.commit")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
