/**
 * A route whose page loads no Remix scripts (`export const handle = WITHOUT_SCRIPTS`): the offline
 * page, which the service worker shows at other addresses, where hydrating would not match.
 */
export const WITHOUT_SCRIPTS = { scripts: "none" } as const;

export function runsWithoutScripts(matches: { handle?: unknown }[]): boolean {
  return (matches.at(-1)?.handle as { scripts?: string } | undefined)?.scripts === WITHOUT_SCRIPTS.scripts;
}
