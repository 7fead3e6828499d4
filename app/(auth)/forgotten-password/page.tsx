import type { Metadata } from "next";
import Link from "next/link";
import { ForgottenPasswordForm } from "./forgotten-password-form";

export const metadata: Metadata = { title: "Forgotten your password?" };

export default function ForgottenPasswordPage() {
  return (
    <div className="max-w-xl">
      <h1 className="mb-2 text-3xl font-bold">Forgotten your password?</h1>
      <p className="mb-6 text-lg">Enter the e-mail address of your account and we will send you a link to choose a new password.</p>
      <ForgottenPasswordForm />
      <p className="mt-6">
        Remembered it? <Link href="/signin">Sign in</Link>.
      </p>
    </div>
  );
}
