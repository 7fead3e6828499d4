import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentActor()) redirect("/dashboard");
  return (
    <div className="max-w-xl">
      <h1 className="mb-6 text-3xl font-bold">Sign in</h1>
      <SignInForm />
      <p className="mt-6">
        New to RADIANT? <Link href="/signup">Create an account</Link>.
      </p>
    </div>
  );
}
