import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MembersTable } from "@/components/members/members-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { NoResults } from "@/components/ui/no-results";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listMembers } from "@/lib/users/roles";
import { GLOBAL_ROLE_LABELS } from "@/lib/validation/constants";
import { memberSearchSchema } from "@/lib/validation/members";
import { changeRoleAction, sendPasswordResetAction } from "./actions";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Members and roles" };

export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "users.manageRoles")) notFound();
  const search = memberSearchSchema.parse(await searchParams);
  const members = await listMembers(actor, search);
  const filtered = Boolean(search.q || search.role);
  return (
    <div>
      <h1 className="text-3xl font-bold">Members and roles</h1>
      <p className="mt-2 max-w-3xl">
        Committee members review proposals and record decisions; administrators manage roles and read the audit log. Every change is
        recorded in the audit log, and the member is told in the portal. A member who cannot sign in can be sent a link to choose a new
        password: you never see the link or the password.
      </p>
      <search>
        <form method="get" className="mt-6 grid gap-4 bg-white p-4 md:grid-cols-3 md:items-end">
          <div>
            <label htmlFor="member-search" className="block font-semibold">
              Name or e-mail address
            </label>
            <input
              id="member-search"
              name="q"
              type="search"
              defaultValue={search.q ?? ""}
              className="mt-1 block w-full border-2 border-ink px-2 py-1.5"
            />
          </div>
          <FilterSelect id="member-role" name="role" label="Role" defaultValue={search.role ?? ""} anyLabel="Any role" options={GLOBAL_ROLE_LABELS} />
          <div className="flex flex-wrap items-center gap-4">
            <Button type="submit">
              Find members
            </Button>
            {filtered ? <Link href="/dashboard/members">Clear the search</Link> : null}
          </div>
        </form>
      </search>
      {members.total === 0 && filtered ? (
        <NoResults things="members" clearHref="/dashboard/members" />
      ) : (
        <p className="mt-6" role="status">
          {members.total === 1 ? "1 member" : `${members.total} members`}
          {filtered ? " found" : ""}
          {members.pageCount > 1 ? `, page ${members.page} of ${members.pageCount}` : ""}.
        </p>
      )}
      {members.rows.length > 0 ? (
        <div className="mt-4">
          <MembersTable action={changeRoleAction} resetAction={sendPasswordResetAction} members={members.rows.map((member) => ({ ...member, isYou: member.id === actor.id }))} />
        </div>
      ) : null}
      <Pagination page={members.page} pageCount={members.pageCount} basePath="/dashboard/members" params={{ q: search.q, role: search.role }} />
    </div>
  );
}
