import { describe, expect, it } from "vitest";
import { composeEmail } from "./compose";

const content = {
  lang: "es" as const,
  title: "Cambio en el taller",
  greeting: "Hola, Rosa <script>:",
  body: [
    "Cambió la fecha del taller «Costos & precios».",
    { list: ["jueves 12 de marzo, 10:00 (hora de Lima)"] },
    { lines: ["Lugar: Av. Sol 123", "Enlace para entrar: https://meet.example.org/abc?x=1&y=2"] },
  ],
  button: { label: "Ver el taller", url: 'https://cursos.minka.example/workshops/7?a=1&b="2"' },
  after: ["Adjuntamos el calendario."],
  signature: "Minka",
  footer: {
    text: "¿No quiere recordatorios?",
    link: { label: "Dejar de recibirlos", url: "https://x.example/r?t=1&u=2" },
  },
};

/** The words a reader sees in the HTML, and the addresses its links open, without tags or entities. */
function visibleText(html: string): string {
  return html
    .replace(/<title>.*?<\/title>/, "")
    .replace(/<a href="([^"]*)"[^>]*>/g, " $1 ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

describe("composeEmail", () => {
  it("escapes every value, sets the language and keeps text of at least 18 px", () => {
    const { html } = composeEmail(content);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es">/);
    expect(html).not.toContain("<script>");
    expect(html).toContain("Hola, Rosa &lt;script&gt;:");
    expect(html).toContain("Costos &amp; precios");
    expect(html).toContain('href="https://cursos.minka.example/workshops/7?a=1&amp;b=&quot;2&quot;"');
    const sizes = [...html.matchAll(/font-size:(\d+)px/g)].map((m) => Number(m[1]));
    // The small print is 16 px; everything else 18 px or more.
    expect(sizes.filter((size) => size < 18)).toEqual([16]);
    expect(html).not.toMatch(/<img|<link|<style/);
  });

  it("draws one button, a link that works without images", () => {
    const { html } = composeEmail(content);
    expect(html.match(/display:inline-block/g)).toHaveLength(1);
    expect(html).toMatch(/<a href="https:\/\/cursos\.minka\.example\/workshops\/7[^"]*"[^>]*>Ver el taller<\/a>/);
  });

  it("says the same in the plain text as in the HTML", () => {
    const { text, html } = composeEmail(content);
    const visible = visibleText(html);
    for (const line of text.split("\n").filter(Boolean)) {
      const words = line.replace(/^- /, "").split(/:\s(?=https?:)/);
      for (const part of words) expect(visible).toContain(part.trim());
    }
    expect(text).toContain("Ver el taller: https://cursos.minka.example/workshops/7");
    expect(text).toContain("- jueves 12 de marzo");
  });
});
