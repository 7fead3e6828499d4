import type { RequesterFacts } from "@/lib/collaborations/site-requests";
import { GRADE_LABELS } from "@/lib/validation/auth";

/** Grade, home hospital and region of someone asking to join a site, as rows of a description list. */
export function RequesterFactRows({ requester }: { requester: RequesterFacts }) {
  return (
    <>
      <dt className="font-semibold">Grade</dt>
      <dd>{requester.grade ? GRADE_LABELS[requester.grade] : "Not given"}</dd>
      <dt className="font-semibold">Home hospital</dt>
      <dd>{requester.homeSite ?? (requester.homeIsThisSite === false ? "A hospital not on the portal's list" : "Not given")}</dd>
      <dt className="font-semibold">Region</dt>
      <dd>{requester.region ?? "Not given"}</dd>
    </>
  );
}

/** The warning a site lead sees before deciding when the requester's home hospital is another one. */
export function OtherHospitalWarning({ name, requester }: { name: string; requester: RequesterFacts }) {
  if (requester.homeIsThisSite !== false) return null;
  return (
    <p className="mt-3 flex items-start gap-3 font-bold">
      <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-ink text-lg text-white">
        !
      </span>
      <span>
        <span className="sr-only">Warning: </span>
        {requester.homeSite ? `${name}'s home hospital is ${requester.homeSite}, not this site.` : `${name}'s home hospital is not this site.`}
      </span>
    </p>
  );
}
