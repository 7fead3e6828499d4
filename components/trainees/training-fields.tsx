"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { GRADE_LABELS } from "@/lib/validation/constants";
import { RegionAndHospitalPicker, type NewHospitalFieldsState, type PickerRegion } from "./hospital-picker";

/** Grade, region and home hospital, and GMC number: the training details asked at sign-up and kept up to date on the profile. */
export function TrainingFields({
  regions,
  values,
  errors,
}: {
  regions: PickerRegion[];
  values: Partial<Record<"grade" | "deaneryId" | "homeSiteId" | "gmcNumber", string>> & NewHospitalFieldsState["values"];
  errors: Partial<Record<string, string>>;
}) {
  return (
    <>
      <SelectField name="grade" label="Grade" defaultValue={values.grade ?? ""} error={errors.grade}>
        <option value="">Select your grade</option>
        {Object.entries(GRADE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <RegionAndHospitalPicker
        regions={regions}
        defaultRegionId={values.deaneryId}
        defaultSiteId={values.homeSiteId}
        regionError={errors.deaneryId}
        siteError={errors.homeSiteId}
        newHospital={{ values, errors }}
      />
      <TextField
        name="gmcNumber"
        label="GMC number (optional)"
        hint="7 digits. It appears on your certificates of participation."
        inputMode="numeric"
        autoComplete="off"
        defaultValue={values.gmcNumber}
        error={errors.gmcNumber}
      />
    </>
  );
}
