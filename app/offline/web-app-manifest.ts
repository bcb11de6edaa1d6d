/**
 * The web app manifest (what Chrome on Android needs to offer "Agregar a la pantalla principal").
 * Colours are the palette's (`--brand`, `--paper` in app/styles/app.css); the icons are drawn from
 * public/favicon.svg by scripts/make-icons.ts. Spanish, the default language, names the app.
 */
export const THEME_COLOR = "#1d5b3a";
export const BACKGROUND_COLOR = "#ffffff";

export interface AppNames {
  name: string;
  shortName: string;
  description: string;
}

export function webAppManifest(names: AppNames, lang: string) {
  return {
    name: names.name,
    short_name: names.shortName,
    description: names.description,
    lang,
    dir: "ltr",
    id: "/",
    start_url: "/?source=pwa",
    scope: "/",
    display: "standalone",
    orientation: "any",
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
