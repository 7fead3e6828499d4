import { z } from "zod";

/** One "Sign out" button of the list of sessions on the account page. */
export const endSessionSchema = z.object({
  sessionId: z.uuid({ error: "Choose a device from the list" }),
});
export type EndSessionInput = z.infer<typeof endSessionSchema>;

