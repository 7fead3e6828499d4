import { publicUrl } from "@/lib/env";

/**
 * A page of the portal as an absolute address, for e-mails and certificates: from PUBLIC_URL,
 * never from the request's Host header, which the client chooses.
 */
export function absoluteUrl(path: string): string {
  return `${publicUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
