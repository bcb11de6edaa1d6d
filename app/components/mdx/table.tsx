import type { ComponentProps } from "react";
import { TableScroll } from "../table-scroll";
import { useLesson } from "./context";

/**
 * Every table an author writes in Markdown: inside the focusable scroll region the report
 * tables use, so a wide table scrolls on its own at 320 px instead of the whole page.
 */
export function LessonTable(props: ComponentProps<"table">) {
  const { t } = useLesson();
  return (
    <TableScroll label={t("display.table.scroll")}>
      <table {...props} />
    </TableScroll>
  );
}
