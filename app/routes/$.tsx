import { ErrorPage } from "../components/error-page";

/** Any unknown address gets the localized 404 page inside the site's shell. */
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
