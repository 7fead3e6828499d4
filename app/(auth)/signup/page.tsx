import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { listRegionsWithSites } from "@/lib/reference/places";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await currentActor()) redirect("/dashboard");
  const regions = await listRegionsWithSites();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Create an account</h1>
      <p className="mb-6 text-lg">
        Join RADIANT to find projects running at your hospital and get credit for the work you do.
      </p>
      <SignUpForm regions={regions} />
      <p className="mt-6">
        Already a member? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}
