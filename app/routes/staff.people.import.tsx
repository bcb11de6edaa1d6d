import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, Field, SelectField } from "../components/field";
import { TableScroll } from "../components/table-scroll";
import type { PersonChoice } from "../domain/person-resolution";
import { formatFileSize } from "../domain/file-size";
import { MAX_IMPORT_BYTES, MAX_ROSTER_ROWS, NAME_MAX } from "../domain/limits";
import { regionName } from "../domain/regions";
import { hasRole } from "../domain/roles";
import type { RosterFileProblem } from "../domain/roster";
import type { NotTextKind } from "../domain/upload-sniff";
import { useI18n } from "../i18n/use-translation";
import { requireRole } from "../auth/user.server";
import {
  commitRoster,
  previewKeptRoster,
  receiveRoster,
  rosterWorkshop,
  type RosterCounts,
  type RosterPreview,
  type RosterPreviewRow,
} from "../models/roster-import.server";
import { canManageWorkshop, listManagedWorkshops } from "../models/workshop.server";
import styles from "../styles/learning.css";
import { getDb } from "../utils/db.server";
import { readUploadedFile } from "../utils/report-upload.server";
import { pageTexts } from "../i18n/page-texts.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const workshops = (await listManagedWorkshops(await getDb(), staff))
    .filter((w) => w.status !== "cancelled")
    .map((w) => ({ id: w.id, title: w.title }));
  return { workshops, ledgerOnly: hasRole(staff.role, "manager"), texts: await pageTexts(request, ["roster"]) };
}

type Problem =
  | RosterFileProblem
  | "noFile"
  | "noTarget"
  | "tooLarge"
  | "gone"
  | "chooseFirst"
  | "workshopCancelled"
  | `notText.${NotTextKind}`;
type OkPreview = Extract<RosterPreview, { ok: true }>;
type ActionResult =
  | { step: "preview"; preview: OkPreview; uploadId: number | null; workshopTitle: string | null; problem?: Problem }
  | { step: "refused"; problem: Problem; size?: number; line?: number }
  | ({ step: "done"; withWorkshop: boolean } & RosterCounts);

/** Staff's answers to "¿quién es?", posted as `choice-<line>` = a person's id or "new". */
function choicesOf(form: FormData): Map<number, PersonChoice> {
  const choices = new Map<number, PersonChoice>();
  for (const [name, value] of form.entries()) {
    const line = /^choice-([1-9]\d{0,6})$/.exec(name)?.[1];
    if (!line || typeof value !== "string") continue;
    if (value === "new") choices.set(Number(line), "new");
    else if (/^[1-9]\d{0,11}$/.test(value)) choices.set(Number(line), Number(value));
  }
  return choices;
}

async function workshopTitle(workshopId: number | null): Promise<string | null> {
  if (workshopId === null) return null;
  return (await rosterWorkshop(await getDb(), workshopId))?.title ?? null;
}

/**
 * Two steps, both plain forms (docs/decisions/014-roster-import.md): "preview" reads the uploaded
 * CSV or XLSX with the target (a workshop this staff member manages, or only the ledger for
 * managers) and the consent box, checks every row and keeps the roster server-side; "commit"
 * names it by `uploadId` with the answers to "¿quién es?" and writes it all in one transaction.
 */
export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireRole(request, "facilitator");
  const db = await getDb();
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUploadedFile(request, MAX_IMPORT_BYTES, { allowXlsx: true });
    if (!upload.ok) {
      if (upload.problem === "tooLarge")
        return data<ActionResult>({ step: "refused", problem: "tooLarge", size: upload.size }, { status: 413 });
      if (upload.problem === "notText")
        return data<ActionResult>({ step: "refused", problem: `notText.${upload.kind}` }, { status: 415 });
      return data<ActionResult>({ step: "refused", problem: "noFile" }, { status: 400 });
    }
    const target = upload.form.get("target");
    let workshopId: number | null;
    if (target === "ledger" && hasRole(staff.role, "manager")) workshopId = null;
    else if (typeof target === "string" && /^[1-9]\d{0,11}$/.test(target)) {
      workshopId = Number(target);
      const workshop = await rosterWorkshop(db, workshopId);
      if (!workshop || !(await canManageWorkshop(db, staff, workshopId)))
        return data<ActionResult>({ step: "refused", problem: "noTarget" }, { status: 403 });
      if (workshop.status === "cancelled")
        return data<ActionResult>({ step: "refused", problem: "workshopCancelled" }, { status: 400 });
    } else return data<ActionResult>({ step: "refused", problem: "noTarget" }, { status: 400 });
    const { preview, uploadId } = await receiveRoster(db, {
      bytes: upload.bytes,
      fileName: upload.fileName,
      uploadedBy: staff.accountId,
      settings: { workshopId, consentForAll: upload.form.get("consentForAll") === "on" },
    });
    if (!preview.ok)
      return data<ActionResult>({ step: "refused", problem: preview.problem, line: preview.line }, { status: 400 });
    return data<ActionResult>(
      { step: "preview", preview, uploadId, workshopTitle: await workshopTitle(workshopId) },
      { status: preview.errorCount > 0 ? 400 : 200 },
    );
  }
  const form = await request.formData();
  const uploadId = String(form.get("uploadId") ?? "");
  if (form.get("intent") !== "commit" || !/^[1-9]\d{0,11}$/.test(uploadId))
    return data<ActionResult>({ step: "refused", problem: "gone" }, { status: 400 });
  const choices = choicesOf(form);
  const result = await commitRoster(db, Number(uploadId), { accountId: staff.accountId }, choices);
  if (result.ok) {
    const { ok: _ok, workshopId, ...counts } = result;
    return data<ActionResult>({ step: "done", withWorkshop: workshopId !== null, ...counts });
  }
  if (result.gone) return data<ActionResult>({ step: "refused", problem: "gone" }, { status: 400 });
  if (!result.preview.ok)
    return data<ActionResult>({ step: "refused", problem: result.preview.problem }, { status: 400 });
  const kept = await previewKeptRoster(db, Number(uploadId), staff, choices);
  return data<ActionResult>(
    {
      step: "preview",
      preview: result.preview,
      uploadId: result.preview.errorCount > 0 ? null : Number(uploadId),
      workshopTitle: await workshopTitle(kept?.settings.workshopId ?? null),
      problem: result.workshopCancelled ? "workshopCancelled" : "chooseFirst",
    },
    { status: 400 },
  );
}

export default function ImportRoster() {
  const { workshops, ledgerOnly } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const problem = result && result.step !== "done" ? result.problem : undefined;
  return (
    <div>
      <h1>{t("roster.import.title")}</h1>
      {result?.step === "done" ? (
        <p className="notice" role="status">
          {result.withWorkshop
            ? t("roster.import.doneRegistered", {
                created: result.created,
                matched: result.matched,
                registered: result.registered,
                waitlisted: result.waitlisted,
                already: result.alreadyRegistered,
              })
            : t("roster.import.done", { created: result.created, matched: result.matched })}
        </p>
      ) : null}
      {problem ? (
        <p className="form-error" role="alert">
          {problem === "tooLarge"
            ? t("roster.import.fileProblems.tooLarge", {
                size: formatFileSize(result?.step === "refused" ? (result.size ?? 0) : 0, locale),
                max: formatFileSize(MAX_IMPORT_BYTES, locale),
              })
            : problem === "chooseFirst"
              ? t("roster.import.chooseFirst")
              : t(`roster.import.fileProblems.${problem}`, {
                  max: MAX_ROSTER_ROWS,
                  line: result?.step === "refused" ? (result.line ?? 0) : 0,
                })}
        </p>
      ) : null}
      {result?.step === "preview" ? (
        <PreviewTable preview={result.preview} uploadId={result.uploadId} workshopTitle={result.workshopTitle} />
      ) : null}
      <p>{t("roster.import.intro")}</p>
      <p>{t("roster.import.limits", { max: MAX_ROSTER_ROWS })}</p>
      <p>
        <a href="/staff/people/import/template.csv" download>
          {t("roster.import.template")}
        </a>
        {" · "}
        <a href="/staff/people/import/template.csv?format=xlsx" download>
          {t("roster.import.templateXlsx")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="preview" />
        <Field
          label={t("roster.import.file")}
          name="file"
          type="file"
          accept=".csv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
        />
        <SelectField label={t("roster.import.target")} hint={t("roster.import.targetHint")} name="target">
          {ledgerOnly ? <option value="ledger">{t("roster.import.ledgerOnly")}</option> : null}
          {workshops.map((w) => (
            <option key={w.id} value={w.id}>
              {t("roster.import.registerTo", { title: w.title })}
            </option>
          ))}
        </SelectField>
        <CheckboxField label={t("roster.import.consentForAll")} name="consentForAll" />
        <button type="submit" className={result?.step === "preview" ? "button" : "button primary"}>
          {t("roster.import.preview")}
        </button>
      </Form>
    </div>
  );
}

function PreviewTable({
  preview,
  uploadId,
  workshopTitle,
}: {
  preview: OkPreview;
  uploadId: number | null;
  workshopTitle: string | null;
}) {
  const { t } = useI18n();
  const ok = preview.errorCount === 0;
  const rows = (
    <TableScroll label={t("roster.import.previewTitle")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("roster.import.columns.line")}</th>
            <th scope="col">{t("roster.import.columns.name")}</th>
            <th scope="col">{t("roster.import.columns.contact")}</th>
            <th scope="col">{t("roster.import.columns.place")}</th>
            <th scope="col">{t("roster.import.columns.result")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <th scope="row">{row.fullName}</th>
              <td>{[row.rawEmail, row.rawPhone].filter(Boolean).join(" · ")}</td>
              <td>{[row.country, regionName(row.region)].filter(Boolean).join(" · ")}</td>
              <td>
                <RowResult row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">{t("roster.import.previewTitle")}</h2>
      {workshopTitle ? <p>{t("roster.import.registerTo", { title: workshopTitle })}</p> : null}
      <p className={ok ? "notice" : "form-error"} role={ok ? "status" : "alert"}>
        {!ok
          ? t("roster.import.hasProblems", { count: preview.errorCount })
          : preview.chooseCount > 0
            ? t("roster.import.toChoose", { count: preview.chooseCount })
            : t("roster.import.allGood", { count: preview.rows.length })}
      </p>
      {ok && uploadId !== null ? (
        <Form method="post">
          <input type="hidden" name="intent" value="commit" />
          <input type="hidden" name="uploadId" value={uploadId} />
          {rows}
          <button type="submit" className="button primary">
            {t("roster.import.commit")}
          </button>
        </Form>
      ) : (
        rows
      )}
    </section>
  );
}

function RowResult({ row }: { row: RosterPreviewRow }) {
  const { t } = useI18n();
  const { outcome } = row;
  if (outcome.kind === "error") {
    const value: Record<string, string> = {
      badEmail: row.rawEmail,
      badPhone: row.rawPhone,
      unknownCountry: row.rawCountry,
      regionNotOfCountry: row.rawRegion,
    };
    return (
      <ul className="import-problems">
        {row.problems.map((p) => (
          <li key={p}>
            {t(`roster.import.problems.${p}`, {
              line: row.line,
              max: NAME_MAX,
              value: value[p] ?? "",
              year: new Date().getUTCFullYear(),
              first: row.duplicateOf ?? 0,
            })}
          </li>
        ))}
      </ul>
    );
  }
  if (outcome.kind === "new") return <>{t("roster.import.outcomes.new")}</>;
  if (outcome.kind === "same")
    return (
      <>
        {row.alreadyRegistered
          ? t("roster.import.outcomes.alreadyRegistered")
          : t("roster.import.outcomes.same", { id: outcome.person.id, name: outcome.person.fullName })}
      </>
    );
  const { candidates } = outcome;
  const chosen = row.choice === null ? undefined : String(row.choice);
  return (
    <fieldset>
      <legend>{t("roster.import.whoIs", { name: row.fullName })}</legend>
      <p>{t(outcome.refusedChoice ? "roster.import.outcomes.notOffered" : "roster.import.outcomes.choose")}</p>
      {candidates.map((c) => (
        <div className="checkbox-row" key={c.id}>
          <input
            type="radio"
            id={`choice-${row.line}-${c.id}`}
            name={`choice-${row.line}`}
            value={c.id}
            defaultChecked={chosen === String(c.id)}
          />
          <label htmlFor={`choice-${row.line}-${c.id}`}>
            {[
              t("roster.import.candidate", { id: c.id, name: c.fullName }),
              c.cooperative,
              c.birthYear ? t("roster.import.bornIn", { year: c.birthYear }) : null,
              c.phoneHint,
              c.emailHint,
            ]
              .filter(Boolean)
              .join(" · ")}
          </label>
        </div>
      ))}
      <div className="checkbox-row">
        <input
          type="radio"
          id={`choice-${row.line}-new`}
          name={`choice-${row.line}`}
          value="new"
          defaultChecked={chosen === "new"}
        />
        <label htmlFor={`choice-${row.line}-new`}>{t("roster.import.newPerson")}</label>
      </div>
    </fieldset>
  );
}
