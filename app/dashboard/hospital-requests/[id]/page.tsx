import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HospitalRequestDecisions } from "@/components/reference/hospital-request-decisions";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { formatDate } from "@/lib/format/dates";
import { getHospitalRequestForDecision } from "@/lib/reference/hospital-requests";
import { approveHospitalRequestAction, declineHospitalRequestAction, mergeHospitalRequestAction } from "../actions";
import { orNotFound } from "@/lib/server/or-not-found";

export const metadata: Metadata = { title: "Decide on a request for a hospital" };

export default async function HospitalRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!can(actor, "reference.manage")) notFound();
  const { id } = await params;
  const request = await orNotFound(getHospitalRequestForDecision(actor, id));
  return (
    <div className="max-w-3xl">
      <p>
        <Link href="/dashboard/hospital-requests">Requests for missing hospitals</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {request.name}, {request.city}
      </h1>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 bg-white p-4">
        <dt className="font-semibold">Asked by</dt>
        <dd className="min-w-0">
          {request.requester.name} (<span className="break-code">{request.requester.email}</span>) on {formatDate(request.askedAt)}
        </dd>
        <dt className="font-semibold">Region</dt>
        <dd>{request.region}</dd>
        <dt className="font-semibold">Trust or health board</dt>
        <dd>{request.trust || "Not given"}</dd>
        <dt className="font-semibold">Organisation code</dt>
        <dd>{request.suggestedCode ?? "Not given"}</dd>
        <dt className="font-semibold">What helps find it</dt>
        <dd className="whitespace-pre-line">{request.note || "Nothing given"}</dd>
      </dl>
      <HospitalRequestDecisions
        request={request}
        approveAction={approveHospitalRequestAction}
        mergeAction={mergeHospitalRequestAction}
        declineAction={declineHospitalRequestAction}
      />
    </div>
  );
}
