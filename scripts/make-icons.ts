/**
 * Draws the web app manifest's PNG icons from public/favicon.svg with Debian's Chromium, once
 * (the PNGs are committed): `npx tsx scripts/make-icons.ts` after changing the favicon.
 * The maskable icon has the mark inside the middle 60 %, on the brand colour to the edges,
 * so Android's round or squircle masks never cut it.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_PATH } from "../tests/support/browser";

const svg = fs.readFileSync("public/favicon.svg", "utf8");
const BRAND = /fill="(#[0-9a-f]{6})"/i.exec(svg)?.[1] ?? "#1d5b3a";

const ICONS = [
  { file: "icon-192.png", size: 192, maskable: false },
  { file: "icon-512.png", size: 512, maskable: false },
  { file: "icon-maskable-512.png", size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const { file, size, maskable } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const mark = maskable ? Math.round(size * 0.6) : size;
    const image = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<body style="margin:0;width:${size}px;height:${size}px;display:grid;place-items:center;background:${maskable ? BRAND : "transparent"}">` +
        `<img src="${image}" width="${mark}" height="${mark}" alt=""></body>`,
    );
    await page.screenshot({ path: path.join("public/icons", file), omitBackground: !maskable });
    await page.close();
  }
} finally {
  await browser.close();
}
