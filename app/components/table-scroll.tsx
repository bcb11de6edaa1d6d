import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a phone. The region is focusable so keyboard users can
 * scroll it too (axe: scrollable-region-focusable), and named so screen readers announce it.
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}
