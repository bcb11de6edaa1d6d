import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "./messages.server";
import { createTranslator, type MessageTree } from "./translate";

describe("createTranslator", () => {
  const tree: MessageTree = { a: { hello: "Hola, {name}", n: { one: "{count} curso", other: "{count} cursos" } } };
  it("interpolates and formats numbers with the locale", () => {
    const t = createTranslator("es", tree);
    expect(t("a.hello", { name: "Rosa" })).toBe("Hola, Rosa");
    expect(t("a.n", { count: 1 })).toBe("1 curso");
    expect(t("a.n", { count: 1200 })).toBe("1200 cursos");
    expect(createTranslator("en", tree)("a.n", { count: 12000 })).toBe("12,000 cursos");
  });
  it("shows a missing key as itself", () => {
    expect(createTranslator("es", tree)("a.missing")).toBe("a.missing");
  });
});

function leaves(tree: MessageTree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) => {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") return [[at, value] as [string, string]];
    if (typeof value.other === "string")
      return Object.entries(value).map(([form, text]) => [`${at}.${form}`, String(text)] as [string, string]);
    return leaves(value as MessageTree, at);
  });
}

describe("translation files", () => {
  it("have the same keys in Spanish and English, none empty", () => {
    const es = leaves(messages.es as unknown as MessageTree);
    const en = leaves(messages.en as unknown as MessageTree);
    expect(en.map(([k]) => k).sort()).toEqual(es.map(([k]) => k).sort());
    for (const [key, text] of [...es, ...en]) expect(text.trim(), key).not.toBe("");
  });

  it("contain every literal key the code asks for", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.")) files.push(full);
      }
    };
    walk(path.resolve(import.meta.dirname, ".."));
    const known = new Set(
      leaves(messages.es as unknown as MessageTree).map(([k]) => k.replace(/\.(one|other|zero)$/, "")),
    );
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) {
        if (!known.has(match[1])) missing.push(`${path.relative(process.cwd(), file)}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
