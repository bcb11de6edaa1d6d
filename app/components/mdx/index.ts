import { Activity } from "./activity";
import { Callout } from "./callout";
import { Download } from "./download";
import { Figure } from "./figure";
import { KeyPoints } from "./key-points";
import { Quiz } from "./quiz";
import { Term } from "./term";
import { Video } from "./video";

/** Every component a course author may use without importing it (courses/README.md shows each one). */
export const mdxComponents = { Activity, Callout, Download, Figure, KeyPoints, Quiz, Term, Video };

export const MDX_COMPONENT_NAMES: ReadonlySet<string> = new Set(Object.keys(mdxComponents));
