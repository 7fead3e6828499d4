import { z } from "zod";
import type { FormState } from "./form-state";

/** One "Sign out" button of the list of sessions on the account page. */
export const endSessionSchema = z.object({
  sessionId: z.uuid({ error: "Choose a device from the list" }),
});
export type EndSessionInput = z.infer<typeof endSessionSchema>;

/** The answer of the sessions list: its own state, or a sentence saying what was signed out. */
export type SessionFormState = FormState | { status: "saved"; message: string };
