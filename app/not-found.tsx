import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-lg">If you typed the web address, check it is correct. The project may not be public yet.</p>
      <p className="mt-4">
        <Link href="/projects">Browse open projects</Link>
      </p>
    </div>
  );
}
