import "server-only";
// "Look up" on the outputs form: the details of a DOI from Crossref or of a PubMed ID from NCBI's
// E-utilities, where the settings name the service (OUTPUT_LOOKUP_DOI_URL, OUTPUT_LOOKUP_PMID_URL)
// and it answers. Only the configured address is ever asked, with an identifier already checked
// against its pattern, so the form cannot make the server fetch anything else; no redirect is
// followed. Whatever goes wrong (off, slow, not found, nonsense, too big) is an answer the form
// shows, never an error page. See docs/decisions/029-outputs-and-lookup.md.
import { settings } from "@/lib/env";
import { log } from "@/lib/log";
import { DOI_PATTERN } from "@/lib/validation/outputs";
import { parseCrossref, parseEsummary, type LookedUp } from "./lookup-parse";

/** How long a lookup may take: a lead is waiting at the form. */
export const LOOKUP_TIMEOUT_MS = 4_000;
/** A record is a few kilobytes; anything much bigger is not one. */
export const LOOKUP_MAX_BYTES = 256 * 1024;

export type LookupResult =
  | { ok: true; found: LookedUp }
  | { ok: false; reason: "off" | "notFound" | "unavailable" };

export const LOOKUP_MESSAGES: Record<Exclude<LookupResult, { ok: true }>["reason"], (what: string) => string> = {
  off: () => "Looking up details is not available on this portal. Enter the title, venue and date by hand.",
  notFound: (what) => `No record was found for that ${what}. Check it, or enter the title, venue and date by hand.`,
  unavailable: () => "The lookup service could not be reached or did not answer in time. Enter the title, venue and date by hand, or try again later.",
};

class TooLarge extends Error {}

async function readLimited(response: Response): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > LOOKUP_MAX_BYTES) throw new TooLarge();
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > LOOKUP_MAX_BYTES) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Asks `url`; the parsed JSON body, "notFound" for a 404, or "unavailable" for anything else. */
async function getJson(url: string): Promise<unknown> {
  const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal, redirect: "error", headers: { accept: "application/json", "user-agent": "RADIANT-Portal (research outputs lookup)" } });
    if (response.status === 404) {
      await response.body?.cancel();
      return "notFound";
    }
    if (!response.ok) {
      await response.body?.cancel();
      log("warn", "outputs.lookupFailed", { status: response.status });
      return "unavailable";
    }
    // The body's reading is under the same time limit as the answer's first bytes.
    const text = await Promise.race([
      readLimited(response),
      new Promise<never>((_, reject) => signal.addEventListener("abort", () => reject(new Error("timeout")), { once: true })),
    ]);
    return JSON.parse(text) as unknown;
  } catch (error) {
    log("warn", "outputs.lookupFailed", { error: error instanceof TooLarge ? "too large" : error instanceof Error ? error.name : "unknown" });
    return "unavailable";
  }
}

/** The configured service's address, without a trailing slash; null when lookups are off. */
const base = (url: string | undefined) => (url ? url.replace(/\/+$/, "") : null);

/** The details of a DOI (already normalised by lib/validation/outputs). */
export async function lookUpDoi(doi: string): Promise<LookupResult> {
  const service = base(settings().OUTPUT_LOOKUP_DOI_URL);
  if (!service) return { ok: false, reason: "off" };
  if (!DOI_PATTERN.test(doi) || doi.split("/").some((part) => part === "." || part === "..")) return { ok: false, reason: "notFound" };
  // The whole DOI escaped, its slashes too: a suffix may hold "?", "#", "/../", which must stay part of the name.
  const body = await getJson(`${service}/works/${encodeURIComponent(doi)}`);
  if (body === "notFound") return { ok: false, reason: "notFound" };
  if (body === "unavailable") return { ok: false, reason: "unavailable" };
  const found = parseCrossref(body);
  return found ? { ok: true, found } : { ok: false, reason: "unavailable" };
}

/** The details of a PubMed ID (digits only). */
export async function lookUpPmid(pmid: string): Promise<LookupResult> {
  const service = base(settings().OUTPUT_LOOKUP_PMID_URL);
  if (!service) return { ok: false, reason: "off" };
  if (!/^[1-9]\d{0,8}$/.test(pmid)) return { ok: false, reason: "notFound" };
  const body = await getJson(`${service}/esummary.fcgi?db=pubmed&retmode=json&id=${pmid}`);
  if (body === "notFound") return { ok: false, reason: "notFound" };
  if (body === "unavailable") return { ok: false, reason: "unavailable" };
  // esummary answers an unknown PMID with 200 and an error in the record.
  const found = parseEsummary(body, pmid);
  if (found) return { ok: true, found };
  const record = typeof body === "object" && body !== null ? (body as { result?: Record<string, unknown> }).result?.[pmid] : undefined;
  return { ok: false, reason: record && typeof record === "object" ? "notFound" : "unavailable" };
}
