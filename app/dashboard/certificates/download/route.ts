import { signInPathFor } from "@/lib/auth/return-path";
import { currentActor } from "@/lib/auth/session";
import { issueProjectCertificate, issueReviewerCertificate, type ProjectCertificateKind } from "@/lib/certificates/issue";
import { KIND_PARAMS } from "@/lib/certificates/available";
import { downloadPeriod } from "@/lib/certificates/period";
import { certificateResponse, notFound } from "@/lib/certificates/response";
import { isUuid } from "@/lib/ids";

const KINDS = new Map(Object.entries(KIND_PARAMS).map(([kind, param]) => [param, kind as ProjectCertificateKind]));

/**
 * The signed-in person's own certificate as a PDF, issued on first download:
 * `?kind=participant|project-lead|co-lead|consultant&project=<id>`, or `?kind=reviewer&from=<day>&to=<day>`.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const actor = await currentActor();
  // Signed out: sign in, then come back here (a path of the portal, never the request's Host).
  if (!actor) return new Response(null, { status: 303, headers: { Location: signInPathFor(`${url.pathname}${url.search}`) } });
  const kind = url.searchParams.get("kind");
  if (kind === "reviewer") {
    const period = downloadPeriod(url.searchParams.get("from"), url.searchParams.get("to"));
    if (!period) return notFound();
    return certificateResponse(() => issueReviewerCertificate(actor, period));
  }
  const projectKind = kind ? KINDS.get(kind) : undefined;
  const projectId = url.searchParams.get("project");
  if (!projectKind || !projectId || !isUuid(projectId)) return notFound();
  return certificateResponse(() => issueProjectCertificate(actor, projectKind, projectId));
}
