import { UNSAFE_RemixContext, useMatches } from "@remix-run/react";
import { useContext, useState } from "react";

// React 18 passes a lower-case attribute it does not know straight to the DOM (fetchPriority warns).
const LOW_PRIORITY = { fetchpriority: "low" } as Record<string, string>;

/**
 * The page's JavaScript modules, asked for at low priority from <head>. Every page is whole
 * without JavaScript, so on a slow connection the stylesheets and images that draw it come
 * first and the scripts that only enhance it after. <Scripts> preloads the same modules later
 * in the page; the browser finds each one already under way and fetches it once.
 * (Lighthouse counts a high-priority script that arrived before the first paint as blocking it.)
 */
export function LowPriorityModulePreloads() {
  const remix = useContext(UNSAFE_RemixContext);
  const matches = useMatches();
  // The first render's list, as <Scripts> does: links for later pages would only be noise.
  const [modules] = useState(() => {
    if (!remix) return [];
    const { manifest } = remix;
    const routeModules = matches.flatMap((match) => {
      const route = manifest.routes[match.id];
      return route ? [...(route.imports ?? []), route.module] : [];
    });
    return [...new Set([manifest.entry.module, ...manifest.entry.imports, ...routeModules])];
  });
  return (
    <>
      {modules.map((href) => (
        <link key={href} rel="modulepreload" href={href} {...LOW_PRIORITY} />
      ))}
    </>
  );
}
