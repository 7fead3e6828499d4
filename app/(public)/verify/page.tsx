import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/buttons";

export const metadata: Metadata = { title: "Verify a certificate" };

/** Where to type the code printed on a certificate. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { code } = await searchParams;
  if (typeof code === "string" && code.trim()) redirect(`/verify/${encodeURIComponent(code.trim().slice(0, 40))}`);
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Verify a certificate</h1>
      <p className="mt-2 text-lg">Enter the verification code printed on a RADIANT certificate.</p>
      <form method="get" className="mt-6 bg-white p-4">
        <label htmlFor="verify-code" className="block font-semibold">
          Verification code
        </label>
        <p id="verify-code-hint" className="text-sm text-muted">
          16 letters and digits, like 7K2M-Q9XD-4TGH-B0ZR.
        </p>
        <input
          id="verify-code"
          name="code"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="verify-code-hint"
          className="mt-1 mb-4 block w-full max-w-xs border-2 border-ink px-2 py-1.5"
        />
        <Button type="submit">
          Verify
        </Button>
      </form>
    </div>
  );
}
