import type { ProjectSiteFacts } from "@/lib/sites/facts";

/**
 * The site's supervising consultant in a line, for its other pages; `showEmail` for those who see
 * the site's contacts (seesSiteContacts). Queries nothing.
 */
export function SupervisingConsultantLine({ consultant, showEmail }: { consultant: ProjectSiteFacts["consultant"]; showEmail: boolean }) {
  return (
    <p className="mt-2 max-w-3xl">
      <span className="font-semibold">Supervising consultant:</span>{" "}
      {consultant ? (
        <>
          {consultant.role ? `${consultant.name}, ${consultant.role}` : consultant.name}
          {consultant.email && showEmail ? <span className="break-code"> ({consultant.email})</span> : null}
        </>
      ) : (
        "not named yet"
      )}
    </p>
  );
}
