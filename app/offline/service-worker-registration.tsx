import { useEffect, useMemo } from "react";
import { REGISTER_SCRIPT } from "./register-script";

let hydrated = false;

/** The worker's registration (app/offline/register-script.ts), rendered once with the document, like Remix's scripts. */
export function ServiceWorkerRegistration({ nonce }: { nonce: string }) {
  useEffect(() => {
    hydrated = true;
  }, []);
  const script = useMemo(
    () => <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: REGISTER_SCRIPT }} />,
    // The first render's only: the script of the loaded document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  return hydrated ? null : script;
}
