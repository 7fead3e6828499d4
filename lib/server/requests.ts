// Every HTTP request this process serves: its request id, its one log line, and the count of
// requests in flight that a graceful shutdown waits for. Installed on Node's HTTP server by
// instrumentation.ts, because only there are the final status and duration of a request known
// (proxy.ts runs before the page and never sees its answer). See docs/decisions/015-operations.md.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { log, pathOnly } from "@/lib/log";

export const REQUEST_ID_HEADER = "x-request-id";

/** What a request id taken from a trusted proxy may look like; anything else is replaced. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

const installed = Symbol.for("radiant.requestHooks");

interface RequestState {
  inFlight: number;
  servers: Set<http.Server>;
  idle: Set<() => void>;
}

const state = globalThis as unknown as { radiantRequests?: RequestState };

function requests(): RequestState {
  state.radiantRequests ??= { inFlight: 0, servers: new Set(), idle: new Set() };
  return state.radiantRequests;
}

/**
 * The request id of an incoming request: the one the nearest reverse proxy set, when the portal
 * is told it sits behind one (RADIANT_TRUSTED_PROXIES > 0), so the proxy's logs and ours share
 * it; otherwise a new one, since a client could name any id it likes.
 */
export function requestIdFor(header: string | string[] | undefined, trustedProxies: number): string {
  const offered = Array.isArray(header) ? header.at(-1) : header;
  if (trustedProxies > 0 && offered && ACCEPTABLE_REQUEST_ID.test(offered)) return offered;
  return randomUUID();
}

/** Requests this process has begun and not yet answered. */
export function requestsInFlight(): number {
  return requests().inFlight;
}

/** Resolves when no request is in flight. */
export function whenNoRequestsInFlight(): Promise<void> {
  const current = requests();
  if (current.inFlight === 0) return Promise.resolve();
  return new Promise((resolve) => current.idle.add(resolve));
}

/** The HTTP servers of this process that have served a request. */
export function servingHttpServers(): http.Server[] {
  return [...requests().servers];
}

/**
 * Gives every request of this process an id (request header for the app, response header for
 * the client and the proxy), counts it while in flight, and writes its log line when it ends.
 */
export function installRequestHooks(options: { trustedProxies: number }): void {
  const prototype = http.Server.prototype as http.Server & { [installed]?: boolean };
  if (prototype[installed]) return;
  prototype[installed] = true;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const response = args[1] as http.ServerResponse;
      const current = requests();
      const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER], options.trustedProxies);
      request.headers[REQUEST_ID_HEADER] = requestId;
      response.setHeader("X-Request-Id", requestId);
      current.servers.add(this);
      current.inFlight += 1;
      const started = performance.now();
      response.once("close", () => {
        current.inFlight -= 1;
        log(response.statusCode >= 500 ? "error" : "info", "request", {
          requestId,
          method: request.method,
          path: pathOnly(request.url),
          status: response.writableFinished ? response.statusCode : undefined,
          outcome: response.writableFinished ? undefined : "aborted",
          durationMs: Math.round(performance.now() - started),
        });
        if (current.inFlight === 0) {
          for (const resolve of current.idle) resolve();
          current.idle.clear();
        }
      });
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
