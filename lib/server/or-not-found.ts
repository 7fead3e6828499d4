import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

/**
 * What a page loads, or the "Page not found" page when the thing does not exist or the member
 * may not see it: the same answer for both, so a page never tells anyone that something they
 * may not see exists. Any other error is a server error (app/error.tsx).
 *
 *   const project = await orNotFound(getProjectSettings(actor, slug));
 */
export async function orNotFound<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
