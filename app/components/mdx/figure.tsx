import type { ReactNode } from "react";

/** A responsive image; `alt` is required (courses:check refuses a Figure without it), children become the caption. */
export function Figure({
  src,
  alt,
  width,
  height,
  children,
}: {
  src: string;
  alt: string;
  width?: number;
  height?: number;
  children?: ReactNode;
}) {
  return (
    <figure className="figure">
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      {children ? <figcaption>{children}</figcaption> : null}
    </figure>
  );
}
