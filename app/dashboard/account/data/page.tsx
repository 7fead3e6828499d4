import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { describeMyData, type DataSection } from "@/lib/privacy/data-labels";
import { exportMyData } from "@/lib/privacy/export";

export const metadata: Metadata = { title: "Your data" };

/** Long lists (every change one made) show their newest entries; the download holds them all. */
const SHOWN = 100;

function Section({ section }: { section: DataSection }) {
  const id = `${section.title.replace(/\W+/g, "-").toLowerCase()}-heading`;
  const entries = section.entries.length > SHOWN ? section.entries.slice(-SHOWN).reverse() : section.entries;
  return (
    <section className="mt-8" aria-labelledby={id}>
      <h2 id={id} className="text-2xl font-bold">
        {section.title}
      </h2>
      {section.entries.length === 0 ? (
        <p className="mt-2">None.</p>
      ) : (
        <>
          {section.entries.length > SHOWN ? (
            <p className="mt-2">
              The newest {SHOWN} of {section.entries.length}, newest first. The download has them all.
            </p>
          ) : null}
          <ul className="mt-2 space-y-2">
            {entries.map((fields, index) => (
              <li key={index} className="bg-white p-3">
                <dl className="text-sm sm:grid sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)] sm:gap-x-4">
                  {fields.map((field) => (
                    <div key={field.label} className="mb-1 sm:contents">
                      <dt className="font-semibold">{field.label}</dt>
                      <dd className="break-words">{field.value}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export default async function MyDataPage() {
  const actor = await requireActor();
  const sections = describeMyData(await exportMyData(actor));
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Your data</h1>
      <p className="mt-2">Everything RADIANT holds about you.</p>
      <p className="mt-2">
        <a href="/dashboard/account/data/download" className="text-brand underline">
          Download your data as a file (JSON)
        </a>
        , for your records or to take to another service.
      </p>
      {sections.map((section) => (
        <Section key={section.title} section={section} />
      ))}
    </div>
  );
}
