import type { Metadata } from "next";

// Prerendered when the portal is built and served as it is: the benchmark's ceiling, what this
// server gives for a page that does no work per request. Hidden unless RADIANT_BENCH=1 (proxy.ts,
// lib/bench-page.ts).
export const dynamic = "force-static";

export const metadata: Metadata = { title: "Benchmark page", robots: { index: false, follow: false } };

export default function PrerenderedBenchPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Benchmark page</h1>
      <p className="mt-4">This page is prerendered when the portal is built. The benchmark compares every other page with it.</p>
    </div>
  );
}
