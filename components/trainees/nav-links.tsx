import Link from "next/link";

/** The trainee's own pages in the main navigation, for someone signed in. */
export function TraineeNavLinks() {
  return (
    <>
      <li>
        <Link href="/dashboard/research" className="text-white hover:text-white">
          My research
        </Link>
      </li>
      <li>
        <Link href="/dashboard/profile" className="text-white hover:text-white">
          Profile
        </Link>
      </li>
    </>
  );
}
