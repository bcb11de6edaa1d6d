import type { Locale } from "../../../db/schema";
import type { Cell, CellKind, ReportTable } from "../../domain/reach-tables";
import { TableScroll } from "../table-scroll";
import { dateFormat, numberFormat } from "../../utils/intl";

function formatCell(value: Cell, kind: CellKind, locale: Locale, none: string): string {
  if (value === null || value === "") return none;
  if (typeof value === "number") {
    if (kind === "percent") return numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(value);
    return numberFormat(locale).format(value);
  }
  // Local calendar dates: formatted at noon UTC in UTC, so no time zone can move them.
  if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return dateFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${value}T12:00:00Z`),
    );
  }
  if (kind === "month" && /^\d{4}-\d{2}$/.test(value)) {
    return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${value}-15T12:00:00Z`),
    );
  }
  return value;
}

/** One report table, with its title as caption and its total row in the footer. */
export function ReportTableView({
  table,
  locale,
  none,
  headingLevel = 3,
}: {
  table: ReportTable;
  locale: Locale;
  none: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const numeric = (kind: CellKind) => kind === "count" || kind === "percent";
  return (
    <section className="reach-table" aria-labelledby={`table-${table.id}`} id={`section-${table.id}`}>
      <Heading id={`table-${table.id}`}>{table.title}</Heading>
      <TableScroll labelledBy={`table-${table.id}`}>
        <table data-table={table.id}>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.label} scope="col" className={numeric(column.kind) ? "num" : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {formatCell(cell, table.columns[c].kind, locale, none)}
                    </th>
                  ) : (
                    <td key={c} className={numeric(table.columns[c].kind) ? "num" : undefined}>
                      {formatCell(cell, table.columns[c].kind, locale, none)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {table.total ? (
            <tfoot>
              <tr>
                {table.total.map((cell, c) =>
                  c === 0 ? (
                    <th key={c} scope="row">
                      {formatCell(cell, table.columns[c].kind, locale, "")}
                    </th>
                  ) : (
                    <td
                      key={c}
                      className={numeric(table.columns[c].kind) ? "num" : undefined}
                      data-total={table.columns[c].label}
                    >
                      {formatCell(cell, table.columns[c].kind, locale, "")}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableScroll>
    </section>
  );
}
