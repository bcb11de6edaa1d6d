import { matchRoutes, UNSAFE_RemixContext, useLocation, useMatches } from "@remix-run/react";
import type { UNSAFE_AssetsManifest as AssetsManifest } from "@remix-run/react";
import { useContext, useEffect, useMemo } from "react";

/**
 * Remix's `<Scripts>` for Minka (decision 034): the same hand-off (`__remixContext`, the
 * route manifest of this page, the route modules, then the entry that hydrates), but the
 * modules are fetched and run only when the visitor first interacts with the page (pointer,
 * key, touch, focus, scroll) or once the browser is idle after the page has loaded. Every page
 * is complete without JavaScript, so a phone paints and scrolls it without first evaluating
 * React and hydrating; the enhancements (client navigation, the video's auto-complete) follow.
 * Single fetch only (the data stream `RemixServer` appends feeds `__remixContext.stream`).
 */

/**
 * Events that start loading the scripts: any sign that someone is using the page. Media events
 * do not bubble but are seen while capturing: pressing play starts the video's auto-complete.
 */
export const START_EVENTS = ["pointerdown", "keydown", "touchstart", "focusin", "scroll", "mousemove", "play"] as const;
/**
 * After the load event, how long an untouched page waits before the scripts come anyway (then
 * in the browser's next idle period): the first seconds after the paint stay free for the reader.
 */
export const IDLE_START_MS = 4000;

let hydrated = false;

type Manifest = AssetsManifest;
interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  caseSensitive?: boolean;
  children: RouteNode[];
}

/** The route tree of a build, for matching the parents of an address (built once per manifest). */
const routeTrees = new WeakMap<Manifest, RouteNode[]>();
function routeTree(manifest: Manifest): RouteNode[] {
  let tree = routeTrees.get(manifest);
  if (!tree) {
    const byParent = new Map<string | undefined, Manifest["routes"][string][]>();
    for (const route of Object.values(manifest.routes))
      byParent.set(route.parentId, [...(byParent.get(route.parentId) ?? []), route]);
    const build = (parentId: string | undefined): RouteNode[] =>
      (byParent.get(parentId) ?? []).map((r) => ({
        id: r.id,
        path: r.path,
        index: r.index,
        caseSensitive: r.caseSensitive,
        children: build(r.id),
      }));
    routeTrees.set(manifest, (tree = build(undefined)));
  }
  return tree;
}

/**
 * The manifest the browser starts with, as Remix's lazy route discovery builds it: the page's
 * routes plus those matching each parent address (pathless or index children). Remix matches
 * the whole route table again for every parent on every request; the answer depends only on
 * the build and the address, so it is kept (a bounded number of addresses per build).
 */
const MAX_ADDRESSES = 1000;
const partialManifests = new WeakMap<Manifest, Map<string, string>>();
function partialManifestJson(manifest: Manifest, pathname: string, matchedIds: string[]): string {
  let known = partialManifests.get(manifest);
  if (!known) partialManifests.set(manifest, (known = new Map()));
  const key = `${pathname}\0${matchedIds.join("\0")}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached;
  const ids = new Set(matchedIds);
  const segments = pathname.split("/").filter(Boolean);
  segments.pop();
  const paths = ["/"];
  for (; segments.length > 0; segments.pop()) paths.push(`/${segments.join("/")}`);
  // Index routes carry no children here, which the route object types cannot see.
  const tree = routeTree(manifest) as Parameters<typeof matchRoutes>[0];
  for (const path of paths) for (const match of matchRoutes(tree, path) ?? []) ids.add(match.route.id!);
  const routes = Object.fromEntries([...ids].map((id) => [id, manifest.routes[id]]));
  const json = escapeScript(JSON.stringify({ ...manifest, routes }));
  if (known.size >= MAX_ADDRESSES) known.delete(known.keys().next().value!);
  known.set(key, json);
  return json;
}

/** JSON inside a <script>: no "</script>", no "<!--". */
const escapeScript = (json: string) => json.replace(/</g, "\\u003c");

/**
 * The module script: announce the page's routes, then load and hydrate on first use or when idle.
 * A failed load (the visitor followed a link while the modules came) leaves the page as it works
 * without JavaScript, with nothing to report.
 */
function loaderScript(manifest: Manifest, pathname: string, routeIds: string[], deferred: boolean): string {
  const modules = routeIds.map((id) => manifest.routes[id].module);
  const preloads = [
    ...new Set([
      manifest.entry.module,
      ...manifest.entry.imports,
      ...routeIds.flatMap((id) => [...(manifest.routes[id].imports ?? []), manifest.routes[id].module]),
    ]),
  ];
  const hmr = manifest.hmr?.runtime ? `import ${JSON.stringify(manifest.hmr.runtime)};` : "";
  return `${hmr}window.__remixManifest=${partialManifestJson(manifest, pathname, routeIds)};
const events=${JSON.stringify(START_EVENTS)},options={capture:true,passive:true};let started=false;
function start(){if(started)return;started=true;for(const e of events)removeEventListener(e,start,options);
for(const href of ${JSON.stringify(preloads)}){const link=document.createElement("link");link.rel="modulepreload";link.href=href;document.head.append(link);}
Promise.all(${JSON.stringify(modules)}.map((m)=>import(m))).then((modules)=>{window.__remixRouteModules={${routeIds.map((id, i) => `${JSON.stringify(id)}:modules[${i}]`).join(",")}};return import(${JSON.stringify(manifest.entry.module)});}).catch(()=>{});}
${
  deferred
    ? `for(const e of events)addEventListener(e,start,options);
const idle=()=>setTimeout(()=>(window.requestIdleCallback||setTimeout)(start,{timeout:2000}),${IDLE_START_MS});
if(document.readyState==="complete")idle();else addEventListener("load",idle,{once:true});`
    : "start();"
}`;
}

/**
 * A page waits for first use only when its route says so (`handle = SCRIPTS_ON_FIRST_USE`): pages
 * read more than worked, whose enhancements lose nothing if they arrive late. Elsewhere (roll
 * call, forms that save as you tap) a tap before hydration would be a plain change that the
 * enhanced page never sends, so the scripts load at once, as with Remix's <Scripts>.
 */
export const SCRIPTS_ON_FIRST_USE = { scripts: "on-first-use" } as const;

function waitsForFirstUse(matches: { handle?: unknown }[]): boolean {
  const handle = matches.at(-1)?.handle as { scripts?: string } | undefined;
  return handle?.scripts === SCRIPTS_ON_FIRST_USE.scripts;
}

const STREAM_SCRIPT =
  "window.__remixContext.stream=new ReadableStream({start(controller){window.__remixContext.streamController=controller;}}).pipeThrough(new TextEncoderStream());";

export function DeferredScripts({ nonce }: { nonce: string }) {
  const remix = useContext(UNSAFE_RemixContext);
  if (!remix) throw new Error("DeferredScripts must be rendered inside Remix");
  const { manifest, serverHandoffString, renderMeta } = remix;
  const matches = useMatches();
  const { pathname } = useLocation();
  // Tells RemixServer to append the single-fetch data stream, as <Scripts> does.
  if (renderMeta) renderMeta.didRenderScripts = true;
  useEffect(() => {
    hydrated = true;
  }, []);
  // Rendered once, like <Scripts>: the browser keeps the server's scripts while hydrating (their
  // content is not compared) and later renders add nothing.
  const scripts = useMemo(() => {
    const inServer = Boolean(serverHandoffString);
    const context = inServer ? `window.__remixContext=${serverHandoffString};${STREAM_SCRIPT}` : " ";
    const module = inServer
      ? loaderScript(
          manifest,
          pathname,
          matches.map((m) => m.id),
          waitsForFirstUse(matches),
        )
      : " ";
    return (
      <>
        <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: context }} />
        <script
          nonce={nonce}
          type="module"
          async
          suppressHydrationWarning
          dangerouslySetInnerHTML={{ __html: module }}
        />
      </>
    );
    // Purposely the first render's: the scripts of the loaded document, never re-rendered.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return hydrated ? null : scripts;
}
