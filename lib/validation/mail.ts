import { z } from "zod";
import { searchText } from "./fields";
import { EmailStatus } from "@/lib/generated/prisma/enums";

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = { QUEUED: "Waiting to be sent", SENT: "Sent", FAILED: "Failed" };

/** Search of the e-mail page; anything unrecognised falls back to "no filter". */
export const emailSearchSchema = z.object({
  to: searchText(254),
  status: z.preprocess(blankAsUndefined, z.enum(EmailStatus).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type EmailSearch = z.infer<typeof emailSearchSchema>;

export const resendEmailSchema = z.object({ messageId: z.uuid({ error: "Choose a message from the list" }) });

