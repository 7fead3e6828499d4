import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { MembersTable } from "@/components/members/members-table";
import { FilterSelect } from "@/components/ui/filter-select";
import { ListSearch, ResultCount, SearchBox } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { listMembers } from "@/lib/users/roles";
import { GLOBAL_ROLE_LABELS } from "@/lib/validation/constants";
import { memberSearchSchema } from "@/lib/validation/members";
import { changeRoleAction, sendPasswordResetAction } from "./actions";

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
      <ListSearch layout={3} submitLabel="Find members" clearHref="/dashboard/members" filtered={filtered}>
        <SearchBox id="member-search" label="Name or e-mail address" defaultValue={search.q ?? ""} />
        <FilterSelect id="member-role" name="role" label="Role" defaultValue={search.role ?? ""} anyLabel="Any role" options={GLOBAL_ROLE_LABELS} />
      </ListSearch>
      <ResultCount list={members} one="member" many="members" filtered={filtered} things="members" clearHref="/dashboard/members" />
      {members.rows.length > 0 ? (
        <div className="mt-4">
          <MembersTable action={changeRoleAction} resetAction={sendPasswordResetAction} members={members.rows.map((member) => ({ ...member, isYou: member.id === actor.id }))} />
        </div>
      ) : null}
      <Pagination page={members.page} pageCount={members.pageCount} basePath="/dashboard/members" params={{ q: search.q, role: search.role }} />
    </div>
  );
}
