import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseYaml } from "./yaml-positions";

const schema = z.strictObject({
  title: z.string(),
  video: z.strictObject({ sources: z.array(z.strictObject({ src: z.string() })) }).optional(),
});

describe("schema problems at the line of the key", () => {
  it("points at an unknown field, counting from the line where frontmatter starts", () => {
    const yaml = parseYaml("title: Hola\nautor: Ana\n", "a.mdx", 2);
    const result = schema.safeParse(yaml.data);
    expect(yaml.schemaProblems(result.error!)).toEqual([
      { file: "a.mdx", line: 3, col: 1, message: 'unknown field "autor"' },
    ]);
  });
  it("points at a nested value, and says what is missing", () => {
    const yaml = parseYaml("video:\n  sources:\n    - src: 3\n", "a.mdx");
    const result = schema.safeParse(yaml.data);
    expect(yaml.schemaProblems(result.error!)).toEqual([
      { file: "a.mdx", line: 1, col: 1, message: "title: required" },
      {
        file: "a.mdx",
        line: 3,
        col: 7,
        message: "video.sources.0.src: Invalid input: expected string, received number",
      },
    ]);
  });
  it("reports YAML syntax errors with their line", () => {
    expect(parseYaml("title: Hola\nsummary: Así es: no\n", "a.mdx", 2).problems).toEqual([
      { file: "a.mdx", line: 3, col: 10, message: "YAML: Nested mappings are not allowed in compact mappings" },
    ]);
  });
});
