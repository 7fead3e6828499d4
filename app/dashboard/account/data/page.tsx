import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { exportMyData } from "@/lib/privacy/export";

export const metadata: Metadata = { title: "Your data" };

function Section({ title, rows }: { title: string; rows: Record<string, unknown>[] }) {
  return (
    <section className="mt-8" aria-labelledby={`${title}-heading`.replace(/\W/g, "-")}>
      <h2 id={`${title}-heading`.replace(/\W/g, "-")} className="text-2xl font-bold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2">None.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {rows.map((row, index) => (
            <li key={index} className="bg-white p-3">
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
                {Object.entries(row).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="font-semibold">{key}</dt>
                    <dd className="break-words">{value === null || value === undefined ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function MyDataPage() {
  const actor = await requireActor();
  const data = await exportMyData(actor);
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Your data</h1>
      <p className="mt-2">
        Everything RADIANT holds about you. <a href="/dashboard/account/data/download">Download it as a file (JSON)</a>.
      </p>
      <Section title="Account" rows={[data.account]} />
      <Section title="Profile" rows={data.profile ? [data.profile] : []} />
      <Section title="Collaborations" rows={data.collaborations} />
      <Section title="Projects you lead" rows={data.projectsLed} />
      <Section title="Reviews you wrote" rows={data.reviewsWritten} />
      <Section title="Progress you recorded" rows={data.progressRecorded} />
      <Section title="Interest you registered" rows={data.interestRegistered} />
      <Section title="Notifications" rows={data.notifications} />
      <Section title="Where you are signed in" rows={data.signedIn} />
      <Section title="Invitations you received" rows={data.invitationsReceived} />
      <Section title="Changes you made" rows={data.changesMade} />
    </div>
  );
}
