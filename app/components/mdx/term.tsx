import type { ReactNode } from "react";

/** A glossary definition: the word and what it means, in plain words. */
export function Term({ word, children }: { word: string; children: ReactNode }) {
  return (
    <dl className="term">
      <dt>
        <dfn>{word}</dfn>
      </dt>
      <dd>{children}</dd>
    </dl>
  );
}
