import { formatDate } from "@/lib/format/dates";
import type { MyHospitalRequest } from "@/lib/reference/hospital-requests";

/** Where the member's request for a missing hospital stands, on their profile. */
export function HospitalRequestNotice({ request }: { request: MyHospitalRequest }) {
  const asked = `${request.name}, ${request.city}`;
  const decided = formatDate(request.decidedAt);
  return (
    <section aria-labelledby="hospital-request-title" className="mb-6 border-l-8 border-brand bg-white p-4">
      <h2 id="hospital-request-title" className="text-xl font-bold">
        Your request for a hospital
      </h2>
      {request.status === "PENDING" ? (
        <p className="mt-1">
          You asked on {formatDate(request.askedAt)} for {asked} to be added to the list. It is awaiting approval by an administrator; until
          then it is your home hospital, shown to you alone. To correct what you sent, choose &quot;My hospital is not on the list&quot;
          again.
        </p>
      ) : request.status === "APPROVED" ? (
        <p className="mt-1">
          Approved on {decided}: {asked} is now on the list of hospitals.
        </p>
      ) : request.status === "MERGED" ? (
        <p className="mt-1">
          {asked} was on the list already, as {request.mergedInto?.name}, {request.mergedInto?.city}: your profile was moved to it on {decided}.
          {request.decisionNote ? ` The administrator's note: ${request.decisionNote}` : ""}
        </p>
      ) : (
        <p className="mt-1">
          Declined on {decided}: {request.decisionNote} Choose your home hospital from the list below, or ask again with more detail.
        </p>
      )}
    </section>
  );
}
