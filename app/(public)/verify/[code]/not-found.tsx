import Link from "next/link";

export default function CertificateNotFound() {
  return (
    <div className="max-w-2xl">
      {/* Only the root not-found page may export metadata; React puts this title in the head. */}
      <title>Certificate not found – RADIANT Portal</title>
      <h1 className="text-3xl font-bold">Certificate not found</h1>
      <p className="mt-4 text-lg">
        No certificate has this verification code. Check the code on the certificate, character by character, and try again.
      </p>
      <p className="mt-4">
        <Link href="/">Go to the RADIANT home page</Link>
      </p>
    </div>
  );
}
