/**
 * What the service worker keeps at install (the app shell): from the Remix client manifest, the
 * entry, the root and the routes a member uses offline, with their imports; every stylesheet and
 * font of the build. Staff routes are fetched when used (and then kept, hashed, like the rest).
 */
export const OFFLINE_ROUTES = [
  "root",
  "routes/_index",
  "routes/courses._index",
  "routes/courses.$course._index",
  "routes/courses.$course.$lesson",
  "routes/me.learning",
];

interface ManifestEntry {
  module: string;
  imports?: string[];
  css?: string[];
}
export interface ClientManifest {
  version: string;
  url?: string;
  entry: ManifestEntry;
  routes: Record<string, ManifestEntry>;
}

/** The shell's addresses, sorted: the build's manifest, its offline routes' modules, and `assets` (stylesheets, fonts). */
export function shellFiles(manifest: ClientManifest, assets: string[]): string[] {
  const files = new Set<string>([manifest.entry.module, ...(manifest.entry.imports ?? []), ...assets]);
  if (manifest.url) files.add(manifest.url);
  for (const id of OFFLINE_ROUTES) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`Route ${id} is not in the client manifest`);
    for (const file of [route.module, ...(route.imports ?? []), ...(route.css ?? [])]) files.add(file);
  }
  return [...files].sort();
}
