import { Button } from "@/components/ui/buttons";
import { DateInput } from "@/components/ui/date-input";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, summaryItems } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import type { DateValue } from "@/lib/validation/date-input";

export interface ReviewerPeriodFormProps {
  /** The academic years offered, newest first: the year it starts, and its words. */
  academicYears: { year: number; label: string }[];
  /** What was sent, to show again. */
  values: { period?: string; academicYear?: string; ending?: DateValue | null };
  errors: Record<string, string>;
}

/**
 * The period a reviewer's certificate covers. A plain GET form: choosing a period changes
 * nothing; the page then says how many proposals were reviewed in it and offers the download.
 */
export function ReviewerPeriodForm({ academicYears, values, errors }: ReviewerPeriodFormProps) {
  return (
    <form method="get" action="/dashboard/certificates#reviews-heading" noValidate className="mt-4 bg-white p-4">
      <ErrorSummary errors={summaryItems(errors, ["period", "academicYear", "ending"])} titleId="period-error-title" />
      <Radios
        name="period"
        legend="Which period?"
        options={[
          ["academic", "An academic year (August to July)"],
          ["year", "Twelve months ending on a day you choose"],
        ]}
        value={values.period ?? "academic"}
        error={errors.period}
      />
      <SelectField name="academicYear" label="Academic year" hint="For an academic year." defaultValue={values.academicYear ?? String(academicYears[0]?.year ?? "")} error={errors.academicYear}>
        {academicYears.map(({ year, label }) => (
          <option key={year} value={year}>
            {label}
          </option>
        ))}
      </SelectField>
      <DateInput name="ending" legend="Last day of the twelve months" hint="For twelve months. For example, 31 3 2026" value={values.ending} error={errors.ending} />
      <Button type="submit">Show my reviews</Button>
    </form>
  );
}
