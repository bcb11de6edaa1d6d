import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import type { Problem } from "./problem";

type Position = { line: number; col: number };

/**
 * Parses YAML keeping node positions, so schema errors point at the line of
 * the offending key. `firstLine` is the file line where this YAML starts
 * (2 for MDX frontmatter after the opening `---`).
 */
export function parseYaml(source: string, file: string, firstLine = 1) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, col };
  };
  const data = doc.errors.length ? undefined : (doc.toJS() as unknown);
  const problems: Problem[] = doc.errors.map((e) => ({
    file,
    ...at(e.pos[0]),
    message: `YAML: ${e.message.split("\n")[0]}`,
  }));

  /** Where `path` is in the document; the nearest existing parent when it is missing. */
  function positionOf(path: ReadonlyArray<PropertyKey>, { key = false } = {}): Position {
    let node: unknown = doc.contents;
    let best: Position = at(0);
    for (const [i, segment] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === segment);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode.range) best = at(keyNode.range[0]);
        if (i === path.length - 1 && key) return best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else break;
      const range = (node as Node | null)?.range;
      if (range && !(i === path.length - 1 && key)) best = at(range[0]);
    }
    return best;
  }

  /** Schema issues as problems, each at its key's line. */
  function schemaProblems(error: z.ZodError): Problem[] {
    return error.issues.map((issue) => {
      if (issue.code === "unrecognized_keys") {
        const keyName = issue.keys[0]!;
        return {
          file,
          ...positionOf([...issue.path, keyName], { key: true }),
          message: `unknown field "${issue.keys.join('", "')}"`,
        };
      }
      const where = issue.path.length ? issue.path.join(".") : "frontmatter";
      const value = issue.path.reduce<unknown>(
        (v, key) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[key] : undefined),
        data,
      );
      const missing = issue.code === "invalid_type" && value === undefined;
      return {
        file,
        ...positionOf(issue.path, { key: true }),
        message: missing ? `${where}: required` : `${where}: ${issue.message}`,
      };
    });
  }

  return { data, problems, schemaProblems, positionOf };
}
