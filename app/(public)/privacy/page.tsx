import type { Metadata } from "next";

export const metadata: Metadata = { title: "Privacy notice" };

export default function PrivacyPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <p className="text-lg">
        RADIANT holds a small amount of personal data about the doctors who take part, so that they can join projects
        and be credited for their work. This page says what we hold, why, and what you can do about it.
      </p>
      <h2 className="text-2xl font-bold">What we hold</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>Your name, e-mail address and a one-way hash of your password (never the password itself).</li>
        <li>Your grade, training region, home hospital and, if you give them, your GMC number and ORCID iD.</li>
        <li>Your research interests and whether you agree to be contacted about new projects.</li>
        <li>The projects you take part in, your role and contribution, and the case counts your site records.</li>
        <li>A log of the changes you make in the portal, kept to show who did what and when.</li>
        <li>
          While you are signed in: which browser (for example &ldquo;Chrome on Linux&rdquo;) and when you signed in, so
          that you can see where you are signed in and sign out there. It is forgotten when that sign-in ends, twelve
          hours at most.
        </li>
      </ul>
      <p>No patient data ever enters the portal: sites record approval references and case counts only.</p>
      <h2 className="text-2xl font-bold">Why</h2>
      <p>
        To run multicentre projects (the lawful basis is our legitimate interest in running the collaborative you
        joined), to list you as a collaborator on published work, and to issue certificates of participation for your
        training portfolio.
      </p>
      <h2 className="text-2xl font-bold">Who sees it</h2>
      <p>
        Project leads and site leads see the names, grades and hospitals of the people in their projects. The committee
        sees proposals. Administrators can see everything in order to run the portal. Nothing is sold or shared with
        anyone else.
      </p>
      <h2 className="text-2xl font-bold">Your rights</h2>
      <p>
        You can download everything we hold about you, correct it from your profile, and delete your account. When you
        delete your account we erase your personal details; the fact that a collaborator from your hospital took part
        in a project is kept without your name, because published research depends on it, and author lists that have
        already been published stay as they were published.
      </p>
    </article>
  );
}
