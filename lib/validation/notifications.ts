import { z } from "zod";
import { EmailDelivery } from "@/lib/generated/prisma/enums";
import { ruleOf, TOPICS, type Topic } from "@/lib/notifications/email-rules";

/** One answer per topic of the preferences page: at once, daily digest or never. */
export const notificationPreferencesSchema = z.object(
  Object.fromEntries(
    TOPICS.map((topic) => [
      topic,
      z.enum(EmailDelivery, { error: `Choose at once, daily digest or never for "${ruleOf(topic).label}"` }),
    ]),
  ) as Record<Topic, z.ZodEnum<typeof EmailDelivery>>,
);
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;
