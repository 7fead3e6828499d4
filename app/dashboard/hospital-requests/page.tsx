import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListSearch, ResultCount, SearchBox } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { listHospitalRequests } from "@/lib/reference/hospital-requests";
import { hospitalRequestSearchSchema } from "@/lib/validation/hospital-requests";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

export const metadata: Metadata = { title: "Requests for missing hospitals" };

const DECIDED: Record<string, string> = {
  approved: "The request was approved: the hospital is on the list, and the member has been told.",
  merged: "The request was merged: the member's profile now shows the hospital on the list, and they have been told.",
  declined: "The request was declined, and the member has been told why.",
};

export default async function HospitalRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const params = await searchParams;
  const search = hospitalRequestSearchSchema.parse(params);
  const requests = await listHospitalRequests(actor, search);
  const decided = typeof params.decided === "string" ? DECIDED[params.decided] : undefined;
  return (
    <div>
      <h1 className="text-3xl font-bold">Requests for missing hospitals</h1>
      <p className="mt-2 max-w-3xl">
        Members whose hospital is not on the list ask for it at sign-up or on their profile; meanwhile it is their home hospital, shown to
        them alone. Approve it (correcting what they typed), merge it into the hospital on the list it really is, or decline it with a
        reason. The member is told by e-mail; every decision is in the audit log. Requests appear here once the member has confirmed their
        e-mail address.
      </p>
      {decided ? (
        <div role="status" className="mt-6 border-l-8 border-ok bg-white p-4">
          {decided}
        </div>
      ) : null}
      <ListSearch layout="row" submitLabel="Find requests" clearHref="/dashboard/hospital-requests" filtered={Boolean(search.q)}>
        <SearchBox id="request-search" label="Hospital or town" defaultValue={search.q ?? ""} />
      </ListSearch>
      <ResultCount
        list={requests}
        one="request waits"
        many="requests wait"
        filtered={Boolean(search.q)}
        filteredSuffix=" matching your search"
        things="requests"
        clearHref="/dashboard/hospital-requests"
      />
      {requests.rows.length > 0 ? (
        <DataTable
          className="mt-4"
          caption="Requests for missing hospitals, oldest first"
          head={
            <>
              <ColumnHeader>Hospital asked for</ColumnHeader>
              <ColumnHeader>Region</ColumnHeader>
              <ColumnHeader>Asked by</ColumnHeader>
              <ColumnHeader>Asked on</ColumnHeader>
              <ColumnHeader>Decision</ColumnHeader>
            </>
          }
        >
          {requests.rows.map((request) => (
            <Row key={request.id}>
              <RowHeader>
                <span className="font-semibold">
                  {request.name}, {request.city}
                </span>
                {request.trust ? <span className="block text-sm font-normal">{request.trust}</span> : null}
                {request.suggestedCode ? <span className="break-code block text-sm font-normal">Code given: {request.suggestedCode}</span> : null}
                {request.note ? <span className="block text-sm font-normal text-muted">&ldquo;{request.note}&rdquo;</span> : null}
              </RowHeader>
              <Cell label="Region">{request.region}</Cell>
              <Cell label="Asked by">
                {request.requester.name}
                <span className="break-code block text-sm">{request.requester.email}</span>
              </Cell>
              <Cell label="Asked on">{formatDate(request.askedAt)}</Cell>
              <Cell label={null}>
                <Link href={`/dashboard/hospital-requests/${request.id}`}>
                  Decide<span className="sr-only"> on {request.name}</span>
                </Link>
              </Cell>
            </Row>
          ))}
        </DataTable>
      ) : null}
      <Pagination page={requests.page} pageCount={requests.pageCount} basePath="/dashboard/hospital-requests" params={{ q: search.q }} />
    </div>
  );
}
