import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { DEFAULT_RETURN_PATH, RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { listRegionsWithSites } from "@/lib/reference/places";
import { signUpQuerySchema } from "@/lib/validation/invitations";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // The page that sent the person to sign in, carried through: the account signs in there when it can.
  const returnTo = safeReturnPath(params[RETURN_PARAM]);
  if (await currentActor()) redirect(returnTo);
  // From an invitation e-mail: the address is filled in (and can be changed), the link's proof kept in the form.
  const query = signUpQuerySchema.parse(params);
  const invitation = query.invitation && query.proof ? { id: query.invitation, proof: query.proof } : null;
  const regions = await listRegionsWithSites();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Create an account</h1>
      <p className="mb-6 text-lg">
        Join RADIANT to find projects running at your hospital and get credit for the work you do.
      </p>
      {invitation ? (
        <p className="mb-6 border-l-8 border-brand bg-white p-4">
          You have been invited to take part. Create your account with the address the invitation was sent to, and it will be waiting on
          your dashboard.
        </p>
      ) : null}
      <SignUpForm regions={regions} prefill={{ email: query.email, invitation, returnTo }} />
      <p className="mt-6">
        Already a member?{" "}
        <Link href={returnTo === DEFAULT_RETURN_PATH ? "/signin" : `/signin?${RETURN_PARAM}=${encodeURIComponent(returnTo)}`}>Sign in</Link>.
      </p>
    </div>
  );
}
