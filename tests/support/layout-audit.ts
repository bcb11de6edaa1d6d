import type { Page } from "playwright-core";

/** The smallest target the issue asks for (WCAG 2.5.5, level AAA), in CSS pixels. */
export const MIN_TARGET = 44;

export interface LayoutProblem {
  kind: "overflow" | "target";
  selector: string;
  detail: string;
}

export interface LayoutAudit {
  scrollWidth: number;
  viewportWidth: number;
  problems: LayoutProblem[];
  links: string[];
}

/*
 * Runs inside the page, as plain JavaScript: the page has JavaScript off, and a string keeps
 * the test transpiler's helpers out of what is sent. What counts is docs/decisions/033:
 * - overflow: any element whose right edge passes the viewport, unless an ancestor clips or
 *   scrolls it sideways (a table inside the focusable scroll region is fine);
 * - targets: every link, button, input, select, textarea, summary and focusable element that is
 *   shown and enabled must measure at least 44×44, itself or through one of its labels (a click
 *   on the label is a click on the control). Only links inside a sentence are exempt (WCAG's
 *   "inline" exception): a link whose paragraph or list item has other words than the link,
 *   never one inside a nav (site menu, breadcrumbs, sub-menus).
 */
const AUDIT = `(() => {
  const MIN = ${MIN_TARGET};
  const html = document.documentElement;
  const viewportWidth = html.clientWidth;
  const describe = (el) => {
    const parts = [];
    for (let node = el; node && node !== document.body && parts.length < 4; node = node.parentElement) {
      let part = node.tagName.toLowerCase();
      if (node.id) part += "#" + node.id;
      else if (node.classList.length) part += "." + Array.from(node.classList).slice(0, 2).join(".");
      if (node.getAttribute("type")) part += "[type=" + node.getAttribute("type") + "]";
      parts.unshift(part);
    }
    const text = (el.textContent || el.getAttribute("value") || el.getAttribute("name") || "").replace(/\\s+/g, " ").trim().slice(0, 40);
    return parts.join(" > ") + (text ? ' "' + text + '"' : "");
  };
  const clippedSideways = (el) => {
    for (let node = el.parentElement; node && node !== html; node = node.parentElement) {
      if (node === document.body) continue;
      if (getComputedStyle(node).overflowX !== "visible") return true;
    }
    return false;
  };
  const shown = (el) => el.checkVisibility({ visibilityProperty: true });
  const problems = [];

  const overflowing = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= viewportWidth + 0.5 || !shown(el) || clippedSideways(el)) continue;
    overflowing.push(el);
  }
  // Text can run out of a box that does not grow with it (a flex item that cannot shrink).
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const host = node.parentElement;
    if (!host || !node.textContent.trim() || overflowing.includes(host)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.right <= viewportWidth + 0.5 || !shown(host)) continue;
    if (getComputedStyle(host).overflowX !== "visible" || clippedSideways(host)) continue;
    overflowing.push(host);
  }
  // The innermost ones say what to fix; their ancestors only stretch around them.
  for (const el of overflowing) {
    if (overflowing.some((other) => other !== el && el.contains(other))) continue;
    const box = el.getBoundingClientRect();
    problems.push({ kind: "overflow", selector: describe(el), detail: "right edge " + Math.round(box.right) + " px > " + viewportWidth });
  }

  const inSentence = (el) => {
    if (el.tagName !== "A" || el.closest("nav")) return false;
    const block = el.closest("p, li, dd, dt, td, th, figcaption, blockquote, caption");
    if (!block) return false;
    let other = "";
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!el.contains(node)) other += node.textContent;
    }
    return /\\p{L}/u.test(other);
  };
  const controls = document.body.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
  );
  for (const el of controls) {
    if (el.disabled || !shown(el) || inSentence(el)) continue;
    const boxes = [el.getBoundingClientRect()];
    for (const label of el.labels || []) boxes.push(label.getBoundingClientRect());
    if (boxes.some((box) => box.width >= MIN - 0.01 && box.height >= MIN - 0.01)) continue;
    const size = boxes.map((box) => Math.round(box.width * 10) / 10 + "×" + Math.round(box.height * 10) / 10).join(", label ");
    problems.push({ kind: "target", selector: describe(el), detail: size + " px" });
  }

  const links = Array.from(document.querySelectorAll("a[href]"), (a) => a.href);
  return { scrollWidth: html.scrollWidth, viewportWidth, problems, links };
})()`;

/** Measures the page as it is now: sideways overflow, targets under 44×44, and the links to follow. */
export async function auditLayout(page: Page): Promise<LayoutAudit> {
  const audit = (await page.evaluate(AUDIT)) as LayoutAudit;
  if (audit.scrollWidth > audit.viewportWidth) {
    audit.problems.unshift({
      kind: "overflow",
      selector: "html",
      detail: `scrollWidth ${audit.scrollWidth} > ${audit.viewportWidth}`,
    });
  }
  return audit;
}
