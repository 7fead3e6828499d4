import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { DELIVERY_LABELS } from "@/lib/notifications/email-rules";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { saveNotificationPreferencesAction } from "./actions";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "What RADIANT e-mails you about" };

export default async function NotificationPreferencesPage() {
  const actor = await requireActor();
  const groups = await getNotificationPreferences(actor);
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/dashboard/account">Your account</Link> · <Link href="/dashboard/notifications">Notifications</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">What RADIANT e-mails you about</h1>
      <p className="mt-4 text-lg">
        Everything below always appears in your notifications in the portal. For each, choose whether RADIANT also e-mails you:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        <li>
          <strong>At once</strong>: an e-mail as soon as it happens. This is the default for anything that needs you to act.
        </li>
        <li>
          <strong>In a daily digest</strong>: one e-mail each morning listing what you have not read yet. This is the default for the rest.
        </li>
        <li>
          <strong>Never</strong>: only in the portal.
        </li>
      </ul>
      <p className="mt-4">
        Account and security e-mails (confirming your address, resetting your password) and invitations to join a team or lead a project are
        always sent. The weekly e-mail about new projects is chosen on <Link href="/dashboard/profile">your profile</Link>.
      </p>
      <div className="mt-8">
        <PreferencesForm
          action={saveNotificationPreferencesAction}
          options={Object.entries(DELIVERY_LABELS)}
          groups={groups.map((group) => ({
            id: group.audience,
            heading: group.heading,
            topics: group.topics.map((topic) => ({ topic: topic.topic, label: topic.label, defaultLabel: DELIVERY_LABELS[topic.default], chosen: topic.chosen })),
          }))}
        />
      </div>
    </div>
  );
}
