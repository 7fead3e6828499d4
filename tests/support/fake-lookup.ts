// A stand-in for the two lookup services (Crossref, NCBI E-utilities), on a local port, so the
// tests of "Look up" never depend on the network. Each DOI or PubMed ID asks for one behaviour.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";

const sample = (name: string) => readFileSync(`tests/support/lookup-samples/${name}.json`, "utf8");

export interface FakeLookup {
  url: string;
  /** The paths asked, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/**
 * DOIs: 10.5555/found, 10.5555/missing (404), 10.5555/slow (never answers), 10.5555/garbage
 * (not JSON), 10.5555/huge (a megabyte), 10.5555/redirect (a redirect elsewhere), 10.5555/broken (500).
 * PubMed IDs: 38012345 (found), 99999999 (esummary's "cannot get document summary").
 */
export async function startFakeLookup(): Promise<FakeLookup> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    // DOIs arrive escaped whole, slashes too (10.5555%2Ffound).
    const url = (request.url ?? "").replace(/^\/works\/([^?]*)$/, (_match, doi: string) => `/works/${decodeURIComponent(doi)}`);
    requests.push(request.url ?? "");
    const json = (body: string) => {
      response.setHeader("content-type", "application/json");
      response.end(body);
    };
    if (url === "/works/10.5555/found") return json(sample("crossref-work"));
    if (url === "/works/10.5555/slow") return; // never answers
    if (url === "/works/10.5555/garbage") return json("<html>not json</html>");
    if (url === "/works/10.5555/huge") return json(`{"message":{"title":["${"x".repeat(1024 * 1024)}"]}}`);
    if (url === "/works/10.5555/redirect") {
      response.statusCode = 302;
      response.setHeader("location", "http://169.254.169.254/latest/meta-data/");
      return response.end();
    }
    if (url === "/works/10.5555/broken") {
      response.statusCode = 500;
      return response.end("oops");
    }
    if (url.startsWith("/esummary.fcgi?")) {
      const id = new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("id");
      if (id === "38012345") return json(sample("esummary"));
      return json(sample("esummary-unknown").replaceAll("99999999", id ?? ""));
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ status: "error", message: "Resource not found." }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
