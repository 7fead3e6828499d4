import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { HospitalRequestNotice } from "@/components/reference/hospital-request-notice";
import { getMyHospitalRequest, listOwnHospitalChoices, withOwnHospitals } from "@/lib/reference/hospital-requests";
import { listRegionsWithSites } from "@/lib/reference/places";
import { getOwnProfile } from "@/lib/trainees/profile";
import { missingForJoining, missingMessage } from "@/lib/trainees/missing";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const actor = await requireActor();
  const [profile, listed, own, request] = await Promise.all([
    getOwnProfile(actor),
    listRegionsWithSites(),
    listOwnHospitalChoices(actor),
    getMyHospitalRequest(actor),
  ]);
  // The member's own requested (or retired) hospital is offered to them alone.
  const regions = withOwnHospitals(listed, own);
  const missing = missingForJoining(profile);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">Your profile</h1>
      {missing.length > 0 ? (
        <div className="mb-6 border-l-8 border-brand bg-white p-4">
          <h2 className="text-xl font-bold">Your profile is not complete</h2>
          <p className="mt-1">{missingMessage(missing)} before you can join a project.</p>
        </div>
      ) : null}
      {request ? <HospitalRequestNotice request={request} /> : null}
      <section aria-labelledby="authorship-title" className="mb-8 bg-white p-4">
        <h2 id="authorship-title" className="text-xl font-bold">
          How your name appears in author lists
        </h2>
        <p className="mt-2 text-lg" data-testid="authorship-line">
          {profile.authorship}
        </p>
        {profile.orcid ? (
          <p className="mt-2">
            ORCID iD:{" "}
            <a href={`https://orcid.org/${profile.orcid}`} rel="noopener noreferrer">
              https://orcid.org/{profile.orcid}
            </a>
          </p>
        ) : null}
      </section>
      <ProfileForm
        regions={regions}
        initial={{
          name: profile.name,
          grade: profile.grade ?? "",
          deaneryId: profile.deaneryId ?? "",
          homeSiteId: profile.homeSiteId ?? "",
          gmcNumber: profile.gmcNumber ?? "",
          orcid: profile.orcid ?? "",
          modalities: profile.modalities.join(","),
          subspecialties: profile.subspecialties.join(","),
          contactConsent: profile.contactConsent ? "on" : "",
          authorSurname: profile.authorSurname ?? "",
          authorInitials: profile.authorInitials ?? "",
        }}
      />
    </div>
  );
}
