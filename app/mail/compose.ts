/**
 * Every e-mail's two bodies from one description: the plain text and the HTML say the same
 * thing, in the same order. The HTML is what Gmail and Outlook show without images or styles
 * sheets: one table, inline styles, 18 px text and one button drawn as a coloured link.
 */
export interface EmailContent {
  lang: "es" | "en";
  /** The HTML document's title (mail programs show the subject instead). */
  title: string;
  greeting: string;
  /** Paragraphs; a paragraph given as lines keeps its line breaks, a list is shown as bullets. */
  body: ReadonlyArray<string | { lines: readonly string[] } | { list: readonly string[] }>;
  /** The one thing to do, drawn as a button; in the text, its label and the address. */
  button?: { label: string; url: string };
  /** Paragraphs after the button. */
  after?: readonly string[];
  signature: string;
  /** Small print at the end (e.g. how to stop reminders), with its link. */
  footer?: { text: string; link: { label: string; url: string } };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const FONT = "font-family:Arial,Helvetica,sans-serif;";
const TEXT = `${FONT}font-size:18px;line-height:1.5;color:#1a1a1a;`;
const LINK = "color:#0b4f8a;text-decoration:underline;";

/** Escaped text with its web addresses made links (the plain text shows the same addresses). */
function inline(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}" style="${LINK}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join("");
}

const paragraph = (html: string, style = TEXT) => `<p style="margin:0 0 16px 0;${style}">${html}</p>`;

export function composeEmail(content: EmailContent): { text: string; html: string } {
  const text: string[] = [content.greeting, ""];
  const html: string[] = [paragraph(inline(content.greeting))];
  for (const block of content.body) {
    if (typeof block === "string") {
      text.push(block, "");
      html.push(paragraph(inline(block)));
    } else if ("lines" in block) {
      text.push(...block.lines, "");
      html.push(paragraph(block.lines.map(inline).join("<br>")));
    } else {
      text.push(...block.list.map((item) => `- ${item}`), "");
      html.push(
        `<ul style="margin:0 0 16px 0;padding-left:24px;${TEXT}">${block.list
          .map((item) => `<li style="margin:0 0 8px 0;${TEXT}">${inline(item)}</li>`)
          .join("")}</ul>`,
      );
    }
  }
  if (content.button) {
    const { label, url } = content.button;
    text.push(`${label}: ${url}`, "");
    // A table cell with a background and a padded link: the button Outlook draws too.
    html.push(
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px 0;"><tr>` +
        `<td bgcolor="#0b4f8a" style="background-color:#0b4f8a;border-radius:6px;">` +
        `<a href="${escapeHtml(url)}" style="display:inline-block;padding:14px 28px;${FONT}font-size:20px;line-height:1.3;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(label)}</a>` +
        `</td></tr></table>`,
    );
  }
  for (const line of content.after ?? []) {
    text.push(line, "");
    html.push(paragraph(inline(line)));
  }
  text.push(content.signature);
  html.push(paragraph(escapeHtml(content.signature)));
  if (content.footer) {
    const { text: note, link } = content.footer;
    text.push("", note, `${link.label}: ${link.url}`);
    html.push(
      paragraph(
        `${escapeHtml(note)} <a href="${escapeHtml(link.url)}" style="${LINK}">${escapeHtml(link.label)}</a>`,
        `${FONT}font-size:16px;line-height:1.5;color:#4a4a4a;`,
      ),
    );
  }
  const document =
    `<!DOCTYPE html><html lang="${content.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.title)}</title></head>` +
    `<body style="margin:0;padding:0;background-color:#ffffff;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>` +
    `<td style="padding:24px 16px;"><div style="max-width:600px;margin:0 auto;${TEXT}">${html.join("")}</div></td>` +
    `</tr></table></body></html>`;
  return { text: text.join("\n"), html: document };
}
