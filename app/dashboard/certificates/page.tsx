import type { Metadata } from "next";
import { AvailableCertificates, HeldCertificates } from "@/components/certificates/certificate-list";
import { ReviewerPeriodForm } from "@/components/certificates/reviewer-period-form";
import { buttonClass } from "@/components/ui/buttons";
import { dateValueFrom } from "@/components/ui/date-input";
import { requireActor } from "@/lib/auth/session";
import { certificatesOverview, reviewerCertificatePath } from "@/lib/certificates/available";
import { formatIsoDay } from "@/lib/certificates/content";
import { reviewsInPeriod } from "@/lib/certificates/issue";
import { academicYearLabel, academicYears, reviewerPeriodSchema } from "@/lib/certificates/period";
import { formRecord, ukToday } from "@/lib/validation/date-input";

export const metadata: Metadata = { title: "Certificates" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of each query parameter, cut to a form field's length. */
function queryValues(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of ["period", "academicYear", "ending-day", "ending-month", "ending-year"]) {
    const value = query[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") values[name] = first.slice(0, 20);
  }
  return values;
}

/** Every certificate the person may download, of every role, and the reviews they may certify. */
export default async function CertificatesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const overview = await certificatesOverview(actor);
  const values = queryValues(await searchParams);
  const sent = "period" in values;
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) form.set(name, value);
  const parsed = sent ? reviewerPeriodSchema().safeParse(formRecord(form)) : null;
  const errors: Record<string, string> = {};
  if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "period")] ??= issue.message;
  const period = parsed?.success ? parsed.data : null;
  const reviewed = overview.reviewer && period ? await reviewsInPeriod(actor, period) : null;

  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">Certificates</h1>
      <p className="mt-2 text-lg">
        Certificates for your training portfolio: each is issued when you first download it, and anyone can check it with the code printed on it.
      </p>

      <section aria-labelledby="projects-heading" className="mt-8">
        <h2 id="projects-heading" className="text-2xl font-bold">
          Your projects
        </h2>
        <AvailableCertificates certificates={overview.available} />
      </section>

      {overview.reviewer ? (
        <section aria-labelledby="reviews-heading" className="mt-8">
          <h2 id="reviews-heading" className="text-2xl font-bold">
            Proposal reviews
          </h2>
          <p className="mt-2">A certificate of the proposals you reviewed for the committee in a period you choose. It names only the projects that are public.</p>
          <ReviewerPeriodForm
            academicYears={academicYears(ukToday()).map((year) => ({ year, label: academicYearLabel(year) }))}
            values={{ period: values.period, academicYear: values.academicYear, ending: dateValueFrom(values, "ending") }}
            errors={errors}
          />
          {period && reviewed ? (
            <div role="status" className="mt-4 border-l-8 border-brand bg-white p-4">
              <p>
                From {formatIsoDay(period.start)} to {formatIsoDay(period.end)} you reviewed{" "}
                {reviewed.proposals === 1 ? "1 proposal" : `${reviewed.proposals.toLocaleString("en-GB")} proposals`}.
              </p>
              {reviewed.proposals > 0 ? (
                <a href={reviewerCertificatePath(period)} className={`mt-3 ${buttonClass("primary", { link: true })}`}>
                  Download certificate (PDF)<span className="sr-only">: proposal reviews</span>
                </a>
              ) : (
                <p className="mt-2">A certificate needs at least one review in the period.</p>
              )}
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="issued-heading" className="mt-8">
        <h2 id="issued-heading" className="text-2xl font-bold">
          Issued to you
        </h2>
        <p className="mt-2">
          A certificate issued before keeps its code and still checks as genuine; when what a certificate would state changes (more cases, a new
          publication), the next download issues a new one.
        </p>
        <HeldCertificates certificates={overview.held} />
      </section>
    </div>
  );
}
