import type { ReactNode } from "react";
import { formatFileSize } from "../../domain/file-size";
import { useLesson } from "./context";

/** An attachment with its size, so people on a data plan know before they tap. `bytes` is measured at build time. */
export function Download({
  file,
  title,
  bytes,
  children,
}: {
  file: string;
  title: string;
  bytes?: string | number;
  children?: ReactNode;
}) {
  const { t, locale } = useLesson();
  const size = bytes ? formatFileSize(Number(bytes), locale) : null;
  // Course files end in ?v=<content hash>: the extension is before it.
  const extension = /\.([a-z0-9]+)(?:\?|$)/i.exec(file)?.[1]?.toUpperCase();
  return (
    <div className="download">
      <a href={file} download className="button">
        {t("courses.download")}: {title}
      </a>
      <span className="hint">{[extension, size].filter(Boolean).join(", ")}</span>
      {children}
    </div>
  );
}
