// A server error's log line (instrumentation.ts's onRequestError): the request's id, and the
// digest that the error page shows the member, so support can go from one to the other.
import { describeError, log, pathOnly } from "@/lib/log";
import { REQUEST_ID_HEADER } from "./requests";

export function logRequestError(
  error: unknown,
  request: Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>,
  context: Readonly<{ routePath: string }>,
): void {
  const requestId = request.headers[REQUEST_ID_HEADER];
  const digest = (error as { digest?: unknown } | null)?.digest;
  log("error", "request.error", {
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    path: pathOnly(request.path),
    route: context.routePath,
    digest: typeof digest === "string" ? digest : undefined,
    ...describeError(error),
  });
}
