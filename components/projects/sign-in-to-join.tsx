import Link from "next/link";

/**
 * "Take part" for a visitor who is not signed in: how to join and who runs the project. No
 * address is shown: the data model keeps leads' e-mail addresses private, so contact goes
 * through the portal once the visitor has an account.
 */
export function SignInToJoin({ slug, lead, leads }: { slug: string; lead: string | null; leads: string[] }) {
  const coLeads = leads.filter((name) => name !== lead);
  // A slug is letters, digits and hyphens: the path needs no escaping in the query.
  const returnTo = `/projects/${slug}`;
  return (
    <section aria-labelledby="take-part-title" className="mt-8 max-w-3xl border-l-8 border-brand bg-white p-4">
      <h2 id="take-part-title" className="text-2xl font-bold">
        Take part
      </h2>
      <p className="mt-2 text-lg">Sign in or create an account to join at your hospital.</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-lg">
        <li>
          <Link href={`/signin?callbackUrl=${returnTo}`}>Sign in</Link>
        </li>
        <li>
          <Link href="/signup">Create an account</Link>
        </li>
      </ul>
      <h3 className="mt-4 text-xl font-bold">Who to contact</h3>
      <p className="mt-2">
        {lead ? (
          <>
            <strong>{lead}</strong> leads this project
            {coLeads.length > 0 ? `, with ${coLeads.join(", ")}` : ""}.
          </>
        ) : coLeads.length > 0 ? (
          <>This project is led by {coLeads.join(", ")}.</>
        ) : (
          <>The project lead is still to be confirmed.</>
        )}{" "}
        Contact details are not published: once you have signed in, you can ask to join here, the site lead at your hospital
        confirms you, and you hear back in the portal. If your hospital is not taking part yet, you can register it for the
        project or register your interest, which the project lead sees.
      </p>
    </section>
  );
}
