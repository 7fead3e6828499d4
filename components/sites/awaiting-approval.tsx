"use client";

import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/button";
import { formatDate } from "@/lib/format/dates";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { InlineProblem, SavedNotice } from "@/components/ui/form";
import { ChecklistSummary } from "./national-table";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface AwaitingSite {
  projectSiteId: string;
  hospital: string;
  city: string;
  path: string;
  siteLeads: string[];
  registeredAt: Date;
  checklist: { required: number; checked: number; waiting: number; sentBack: number };
}

/**
 * The sites waiting for the project lead's check, a page at a time, each with its
 * Approve button (which checks every item the site recorded; lib/sites/governance.ts). The answer is said above the list, which stays in place as
 * approved sites leave it. `children` is the list's paging.
 */
export function AwaitingApproval({ action, sites, total, children }: { action: Action; sites: AwaitingSite[]; total: number; children?: ReactNode }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <section aria-labelledby="awaiting-title" className="mt-8 border-l-8 border-brand bg-white p-4">
      <h2 id="awaiting-title" className="text-2xl font-bold">
        Sites waiting for your check
      </h2>
      <div className="mt-2">
        <SavedNotice state={state} />
        <InlineProblem state={state} />
      </div>
      {sites.length === 0 ? (
        <p className="mt-2">No site is waiting for you to check its governance checklist.</p>
      ) : (
        <>
          <p className="mt-2">
            {total === 1 ? "1 site is waiting" : `${total} sites are waiting`}, the earliest registered first.
          </p>
          <ul className="mt-2 divide-y divide-line">
            {sites.map((site) => (
              <li key={site.projectSiteId} className="flex flex-wrap items-start justify-between gap-4 py-3">
                <div>
                  <Link href={site.path} className="font-semibold">
                    {site.hospital}
                  </Link>
                  , {site.city}. Site {site.siteLeads.length === 1 ? "lead" : "leads"}: {site.siteLeads.join(", ") || "none"}. Registered{" "}
                  {formatDate(site.registeredAt)}.{" "}
                  Checklist: <ChecklistSummary checklist={site.checklist} />.
                </div>
                {site.checklist.waiting > 0 && site.checklist.checked + site.checklist.waiting === site.checklist.required ? (
                  <form action={formAction}>
                    <input type="hidden" name="projectSiteId" value={site.projectSiteId} />
                    <SubmitButton pendingText="Approving…" aria-label={`Approve ${site.hospital}`}>
                      Approve
                    </SubmitButton>
                  </form>
                ) : (
                  <p>The site has items to record before you can approve it.</p>
                )}
              </li>
            ))}
          </ul>
          {children}
        </>
      )}
    </section>
  );
}
