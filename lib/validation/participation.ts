import { z } from "zod";
import { LEAVE_CHOICES } from "@/lib/participation/rules";
import { uuidSchema } from "./fields";

/** Leaving a place: which one, and whether the person is moving hospital (keeping the credit) or withdrawing (giving it up). */
export const leaveSchema = z.object({
  collaborationId: uuidSchema("That collaboration could not be found"),
  choice: z.enum(LEAVE_CHOICES, { error: "Choose whether you are moving to another hospital or withdrawing from the project" }),
});
