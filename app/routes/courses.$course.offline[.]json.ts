import type { LoaderFunctionArgs } from "@remix-run/node";
import { courseManifestFor } from "../offline/course-manifest.server";

/**
 * `/courses/:course/offline.json`: what "Guardar este curso" downloads (pages, files, videos and
 * their sizes) and the course's content version. Whoever may open the course page may read it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const manifest = await courseManifestFor(request, params.course ?? "");
  if (!manifest) throw new Response(null, { status: 404 });
  return Response.json(manifest);
}
