"use client";

import { useEffect, useEffectEvent, useId, useMemo, useRef, useState } from "react";
import { ErrorMessage, SelectField, TextAreaField, TextField, controlClass, questionClass } from "@/components/ui/field";
import type { RegionOption } from "@/lib/reference/places";
import { NEW_HOSPITAL } from "@/lib/validation/hospital-requests";

/** The list's regions and hospitals; a hospital off the list offered to this member alone carries a note ("awaiting approval"). */
export type PickerRegion = Omit<RegionOption, "sites"> & { sites: (RegionOption["sites"][number] & { note?: string })[] };

/** What was typed into "My hospital is not on the list", and the messages for it. */
export interface NewHospitalFieldsState {
  values: Partial<Record<"newHospitalName" | "newHospitalCity" | "newHospitalTrust" | "newHospitalCode" | "newHospitalNote", string>>;
  errors: Partial<Record<string, string>>;
}

/** Lower-case without accents, so "addenb" finds "Addenbrooke's" and "sao" finds "São". */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Training region and home hospital. The hospital list is a native select that
 * a search box above it narrows as one types, so it works with the keyboard and
 * screen readers as any select does; choosing a hospital sets its region.
 * Its last choice, "My hospital is not on the list", asks for the missing hospital instead.
 */
export function RegionAndHospitalPicker({
  regions,
  defaultRegionId,
  defaultSiteId,
  regionError,
  siteError,
  newHospital = { values: {}, errors: {} },
}: {
  regions: PickerRegion[];
  defaultRegionId?: string;
  defaultSiteId?: string;
  regionError?: string;
  siteError?: string;
  newHospital?: NewHospitalFieldsState;
}) {
  const [regionId, setRegionId] = useState(defaultRegionId ?? "");
  const [siteId, setSiteId] = useState(defaultSiteId ?? "");
  const [query, setQuery] = useState("");
  const searchId = useId();
  const regionRef = useRef<HTMLSelectElement>(null);
  const siteRef = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // What was chosen or typed before the page's script ran is kept, not reset
  // to the server's defaults. Declared first, so it reads the fields before
  // the effect below writes to them.
  const adoptEarlyInput = useEffectEvent(() => {
    const site = siteRef.current?.value ?? "";
    const region = regionRef.current?.value ?? "";
    if (site !== siteId && site !== "") chooseSite(site);
    else if (region !== regionId) setRegionId(region);
    const typed = searchRef.current?.value ?? "";
    if (typed !== "") search(typed);
  });
  useEffect(() => adoptEarlyInput(), []);
  // The selects are uncontrolled, so that React's reset of the form after an
  // action restores what was sent rather than blanking them; the choice made
  // by searching is written to them once their options are rendered.
  useEffect(() => {
    if (siteRef.current && siteRef.current.value !== siteId) siteRef.current.value = siteId;
    if (regionRef.current && regionRef.current.value !== regionId) regionRef.current.value = regionId;
  }, [siteId, regionId, query]);
  const regionOfSite = useMemo(() => {
    const map = new Map<string, string>();
    for (const region of regions) for (const site of region.sites) map.set(site.id, region.id);
    return map;
  }, [regions]);

  const folded = fold(query.trim());
  const shown = regions
    .filter((region) => folded !== "" || !regionId || region.id === regionId)
    .map((region) => ({
      ...region,
      sites: region.sites.filter(
        (site) => folded === "" || fold(`${site.name} ${site.city}`).includes(folded) || site.id === siteId,
      ),
    }))
    .filter((region) => region.sites.length > 0);
  const matches =
    folded === "" ? null : regions.flatMap((region) => region.sites).filter((site) => fold(`${site.name} ${site.city}`).includes(folded)).length;

  function chooseSite(id: string) {
    setSiteId(id);
    const region = regionOfSite.get(id);
    if (region) setRegionId(region);
  }

  function search(text: string) {
    setQuery(text);
    const needle = fold(text.trim());
    if (needle === "") return;
    const found = regions.flatMap((region) => region.sites).filter((site) => fold(`${site.name} ${site.city}`).includes(needle));
    if (found.length === 1) chooseSite(found[0]!.id);
  }

  const siteFieldId = "field-homeSiteId";
  return (
    <>
      <SelectField
        name="deaneryId"
        label="Training region"
        ref={regionRef}
        defaultValue={defaultRegionId ?? ""}
        onChange={(event) => setRegionId(event.target.value)}
        error={regionError}
      >
        <option value="">Select your training region</option>
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <div className={questionClass(siteError)}>
        <label htmlFor={searchId} className="block font-semibold">
          Find your home hospital
        </label>
        <p id={`${searchId}-hint`} className="text-sm text-muted">
          Type part of the hospital&apos;s name or town, like &quot;Addenb&quot;, then choose it from the list below.
        </p>
        <input
          id={searchId}
          type="search"
          ref={searchRef}
          onChange={(event) => search(event.target.value)}
          aria-describedby={`${searchId}-hint ${searchId}-count`}
          aria-controls={siteFieldId}
          autoComplete="off"
          className={controlClass}
        />
        <p id={`${searchId}-count`} aria-live="polite" className="mt-1 text-sm">
          {matches === null ? "" : matches === 1 ? "1 hospital matches" : `${matches} hospitals match`}
        </p>
        <label htmlFor={siteFieldId} className="mt-3 block font-semibold">
          Home hospital
        </label>
        <ErrorMessage id={siteFieldId} error={siteError} />
        <select
          id={siteFieldId}
          name="homeSiteId"
          ref={siteRef}
          defaultValue={defaultSiteId ?? ""}
          onChange={(event) => chooseSite(event.target.value)}
          aria-invalid={siteError ? true : undefined}
          aria-describedby={siteError ? `${siteFieldId}-error` : undefined}
          className={controlClass}
        >
          <option value="">Select your home hospital</option>
          {shown.map((region) => (
            <optgroup key={region.id} label={region.name}>
              {region.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}, {site.city}
                  {site.note ? ` (${site.note})` : ""}
                </option>
              ))}
            </optgroup>
          ))}
          <option value={NEW_HOSPITAL}>My hospital is not on the list</option>
        </select>
      </div>
      {siteId === NEW_HOSPITAL ? <MissingHospitalFields state={newHospital} /> : null}
    </>
  );
}

/** "My hospital is not on the list": what an administrator needs to find it and add it. */
function MissingHospitalFields({ state }: { state: NewHospitalFieldsState }) {
  const { values, errors } = state;
  return (
    <fieldset className="mb-5 border-l-4 border-line pl-4">
      <legend className="mb-2 text-lg font-bold">Your hospital</legend>
      <p className="mb-4 max-w-xl">
        An administrator checks it and adds it to the list, in the training region chosen above, and we e-mail you when they have. Until
        then it is your home hospital, shown to you alone.
      </p>
      <TextField name="newHospitalName" label="Name of the hospital" defaultValue={values.newHospitalName} error={errors.newHospitalName} />
      <TextField name="newHospitalCity" label="Town or city" autoComplete="address-level2" defaultValue={values.newHospitalCity} error={errors.newHospitalCity} />
      <TextField
        name="newHospitalTrust"
        label="NHS trust or health board (optional)"
        defaultValue={values.newHospitalTrust}
        error={errors.newHospitalTrust}
      />
      <TextField
        name="newHospitalCode"
        label="Organisation code (optional)"
        hint="The hospital's ODS code, like RGT01, if you know it."
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.newHospitalCode}
        error={errors.newHospitalCode}
      />
      <TextAreaField
        name="newHospitalNote"
        label="Anything that helps us find it (optional)"
        hint="Its address or website, for example."
        rows={3}
        defaultValue={values.newHospitalNote}
        error={errors.newHospitalNote}
      />
    </fieldset>
  );
}
