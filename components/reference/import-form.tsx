"use client";

import { useActionState, useState } from "react";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { FieldFrame, SelectField, describedBy, summaryItems } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import type { ImportPlan, ImportPreview } from "@/lib/reference/nhs-import";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { IMPORT_SCOPES } from "@/lib/validation/reference";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";

type ImportState =
  | FormState
  | { status: "preview"; preview: ImportPreview; sitesText: string; trustsText: string; scope: string; fallbackRegionId: string }
  | { status: "saved"; message: string };
type Action = (previous: ImportState, formData: FormData) => Promise<ImportState>;

const FIELD_LABELS: Record<string, string> = { name: "name", city: "town", postcode: "postcode", trust: "trust", trustCode: "trust code" };
const FIELDS = ["sitesFile", "trustsFile", "scope", "fallbackRegionId"];
const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
const asDate = (yyyymmdd: string) => `${yyyymmdd.slice(6, 8)}/${yyyymmdd.slice(4, 6)}/${yyyymmdd.slice(0, 4)}`;

function FileField({ name, label, hint, error }: { name: string; label: string; hint: string; error?: string }) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type="file"
        accept=".csv,text/csv"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="mt-1 block w-full max-w-xl"
      />
    </FieldFrame>
  );
}

function PlanTables({ plan }: { plan: ImportPlan }) {
  return (
    <div className="space-y-6">
      {plan.additions.length > 0 ? (
        <section aria-labelledby="import-added">
          <h3 id="import-added" className="text-xl font-bold">
            {count(plan.additions.length, "hospital will be added", "hospitals will be added")}
          </h3>
          <DataTable
            className="mt-2"
            caption="Hospitals to be added"
            head={
              <>
                <ColumnHeader>Code</ColumnHeader>
                <ColumnHeader>Name</ColumnHeader>
                <ColumnHeader>Trust</ColumnHeader>
                <ColumnHeader>Region</ColumnHeader>
              </>
            }
          >
            {plan.additions.map((addition) => (
              <Row key={addition.code}>
                <RowHeader className="break-code font-normal">{addition.code}</RowHeader>
                <Cell label="Name">
                  {addition.name}, {addition.city}
                </Cell>
                <Cell label="Trust">{addition.trust}</Cell>
                <Cell label="Region">
                  {addition.region}
                  <span className="block text-sm text-muted">{addition.regionFrom === "trust" ? "where its trust's hospitals are" : "the region you chose"}</span>
                </Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      ) : null}
      {plan.changes.length > 0 ? (
        <section aria-labelledby="import-changed">
          <h3 id="import-changed" className="text-xl font-bold">
            {count(plan.changes.length, "hospital will change", "hospitals will change")}
          </h3>
          <ul className="mt-2 space-y-2">
            {plan.changes.map((entry) => (
              <li key={entry.siteId} className="bg-white p-2">
                <strong>
                  {entry.name} ({entry.code})
                </strong>
                <ul className="list-disc pl-6">
                  {entry.fields.map((field) => (
                    <li key={field.field}>
                      {FIELD_LABELS[field.field]}: {field.before ?? "none"} → {field.after ?? "none"}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <PlanList
        id="import-retired"
        heading={count(plan.retirements.length, "hospital will be retired", "hospitals will be retired")}
        items={plan.retirements.map((retirement) => [retirement.siteId, `${retirement.name} (${retirement.code}): closed on ${asDate(retirement.closeDate)}`])}
      />
      <PlanList
        id="import-not-added"
        heading={count(plan.notAdded.length, "site will not be added", "sites will not be added")}
        items={plan.notAdded.map((entry) => [entry.code, `${entry.name} (${entry.code}): ${entry.reason}.`])}
      />
      <p>
        {count(plan.unchanged, "hospital on the list is", "hospitals on the list are")} already as the files say.
        {plan.otherTrusts > 0 ? ` ${count(plan.otherTrusts, "open site belongs", "open sites belong")} to trusts not on the list and will not be added.` : ""}
      </p>
    </div>
  );
}

/**
 * Importing the NHS files: choose them, see what would change, then apply exactly that. The
 * apply form carries the files' text and the fingerprints of the files and of the plan.
 */
export function ImportForm({ previewAction, applyAction, regions }: { previewAction: Action; applyAction: Action; regions: { id: string; name: string }[] }) {
  const [previewState, preview] = useActionState(previewAction, IDLE);
  const [applyState, apply] = useActionState(applyAction, IDLE);
  const key = useAnswerCount(previewState);
  const asForm = previewState.status === "error" ? previewState : IDLE;
  const errors = errorsOf(asForm);
  const sent = valuesOf(asForm);
  const shown = previewState.status === "preview" ? previewState : null;
  // An answer to "apply" belongs to the preview it applied: a new preview hides it.
  const [answered, setAnswered] = useState({ applyState, previewState });
  if (answered.applyState !== applyState) setAnswered({ applyState, previewState });
  const applyAnswer = answered.previewState === previewState && applyState.status !== "idle" ? applyState : null;
  const applied = applyAnswer?.status === "saved";
  const empty = shown ? shown.preview.plan.additions.length + shown.preview.plan.changes.length + shown.preview.plan.retirements.length === 0 : false;
  return (
    <div>
      <form action={preview} noValidate key={key} className="max-w-2xl">
        <ErrorSummary errors={summaryItems(errors, FIELDS)} formError={formErrorOf(asForm)} />
        <FileField
          name="sitesFile"
          label="Sites file"
          hint="The NHS trust sites file (ets.csv) or the Welsh health board sites file (wlhbsite.csv), unzipped, as published: no header row, 27 columns. At most 450 KB."
          error={errors.sitesFile}
        />
        <FileField
          name="trustsFile"
          label="Trusts file (optional)"
          hint="The NHS trusts file (etr.csv) or the Welsh health boards file (wlhb.csv): it names the trusts of new hospitals and renames trusts."
          error={errors.trustsFile}
        />
        <Radios name="scope" legend="Which new hospitals to add" options={Object.entries(IMPORT_SCOPES)} value={sent.scope ?? "KNOWN_TRUSTS"} error={errors.scope} />
        <SelectField
          name="fallbackRegionId"
          label="Training region for hospitals of trusts new to the portal (optional)"
          hint="A new hospital goes to the region where most of its trust's hospitals are. A trust with none on the list yet needs this."
          defaultValue={sent.fallbackRegionId ?? ""}
          error={errors.fallbackRegionId}
        >
          <option value="">None: leave them out</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingText="Reading the files…">Preview the import</SubmitButton>
      </form>

      {applyAnswer ? (
        <div className="mt-8">
          <SavedNotice state={applyAnswer.status === "saved" ? applyAnswer : IDLE} />
          {applyAnswer.status === "error" ? <ErrorSummary errors={[]} formError={applyAnswer.formError} /> : null}
        </div>
      ) : null}

      {shown && !applied ? (
        <section aria-labelledby="import-preview" className="mt-8">
          <h2 id="import-preview" className="text-2xl font-bold">
            What the import would do
          </h2>
          {empty ? (
            <p role="status" className="mt-4 border-l-8 border-ok bg-white p-3 font-semibold">
              Nothing to change: the list already matches these files.
            </p>
          ) : (
            <p role="status" className="mt-4">
              Nothing has been changed yet. Check the lists below, then apply them.
            </p>
          )}
          <div className="mt-4">
            <PlanTables plan={shown.preview.plan} />
          </div>
          {!empty ? (
            <form action={apply} className="mt-6">
              <input type="hidden" name="sitesText" value={shown.sitesText} />
              <input type="hidden" name="trustsText" value={shown.trustsText} />
              <input type="hidden" name="fileHash" value={shown.preview.fileHash} />
              <input type="hidden" name="planHash" value={shown.preview.planHash} />
              <input type="hidden" name="scope" value={shown.scope} />
              <input type="hidden" name="fallbackRegionId" value={shown.fallbackRegionId} />
              <SubmitButton pendingText="Applying…">Apply these changes</SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** One part of the preview as a list of sentences, left out when it has none. */
function PlanList({ id, heading, items }: { id: string; heading: string; items: [key: string, text: string][] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-xl font-bold">
        {heading}
      </h3>
      <ul className="mt-2 list-disc pl-6">
        {items.map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
    </section>
  );
}
