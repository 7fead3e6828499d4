import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { dataController } from "@/lib/env";
import { period, RETENTION, retentionSchedule } from "@/lib/privacy/retention";

export const metadata: Metadata = { title: "Privacy notice" };

/** The regulator's published contact details for complaints. */
const ICO = {
  name: "Information Commissioner’s Office",
  address: ["Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF"],
  helpline: "0303 123 1113",
  website: "https://ico.org.uk/make-a-complaint/",
};

const purposes = [
  {
    title: "Your account and signing in",
    data: "Your name, e-mail address, a one-way hash of your password (never the password itself), your sign-ins and counts of failed sign-ins.",
    basis:
      "Contract: we need them to give you the membership you asked for when you signed up. Keeping accounts safe from people guessing passwords is in our legitimate interests and yours.",
  },
  {
    title: "Running the projects you take part in",
    data: "Your grade, training region and hospital, the projects you join, your role and contribution, and the case counts your site records.",
    basis:
      "Legitimate interests: running the multicentre research you choose to join. Taking part is up to you, and we use only what a project needs.",
  },
  {
    title: "Crediting you for your work",
    data: "Your name as it should appear in author lists, your GMC number and ORCID iD if you give them, and your contribution.",
    basis:
      "Legitimate interests: listing you as a collaborator on published work and issuing certificates for your training portfolio, which is why most members take part.",
  },
  {
    title: "E-mails about your account and your projects",
    data: "Your name and e-mail address, and what the e-mail is about.",
    basis:
      "Contract for e-mails you need (confirming your address, resetting your password, invitations, decisions on your projects). Legitimate interests for reminders and digests, which you can turn off in your e-mail settings.",
  },
  {
    title: "Telling you about new projects",
    data: "Your research interests, region and e-mail address.",
    basis: "Consent: only if you tick the box in your profile. You can withdraw it there at any time.",
  },
  {
    title: "Keeping a record of who did what",
    data: "A log of changes made in the portal: who made them, when, and what changed.",
    basis:
      "Legitimate interests: research governance needs to show who approved, recorded or changed what. After your account is erased the log keeps the change but not your details.",
  },
] as const;

export default async function PrivacyPage() {
  // The controller comes from this server's settings, read when the page is asked for, not when it was built.
  await connection();
  const controller = dataController();
  const schedule = retentionSchedule();
  const headingClass = "mt-8 text-2xl font-bold";
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Privacy notice</h1>
      <p className="text-lg">
        RADIANT holds a small amount of personal data about the doctors who take part, so that they can join projects and
        be credited for their work. This notice says who is responsible for it, what we hold and why, who sees it, how
        long we keep it, and what you can do about it.
      </p>
      <p>No patient data ever enters the portal: hospitals record approval references and case counts only.</p>

      <h2 className={headingClass}>Who is responsible for your data</h2>
      {controller.example ? (
        <p role="note" className="border-l-8 border-brand bg-white p-4">
          These are example details: this copy of the portal has not been told who its data controller is.
        </p>
      ) : null}
      <p>
        The data controller is <strong>{controller.name}</strong>. It decides how your personal data is used and is
        answerable for it.
      </p>
      <dl className="space-y-2">
        <div>
          <dt className="font-bold">Postal address</dt>
          <dd>{controller.address}</dd>
        </div>
        <div>
          <dt className="font-bold">E-mail about your data</dt>
          <dd>
            <a href={`mailto:${controller.email}`}>{controller.email}</a>
          </dd>
        </div>
        {controller.dpo ? (
          <div>
            <dt className="font-bold">Data protection officer</dt>
            <dd>
              {controller.dpo.name}
              {controller.dpo.email ? (
                <>
                  , <a href={`mailto:${controller.dpo.email}`}>{controller.dpo.email}</a>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {controller.icoRegistrationNumber ? (
          <div>
            <dt className="font-bold">Registered with the Information Commissioner’s Office as</dt>
            <dd>{controller.icoRegistrationNumber}</dd>
          </div>
        ) : null}
      </dl>

      <h2 className={headingClass}>What we hold, why, and on what lawful basis</h2>
      <p>
        UK data protection law (the UK GDPR and the Data Protection Act 2018) lets us use personal data only for a stated
        purpose and on a lawful basis. We hold no special category data (such as health or ethnicity) about you.
      </p>
      {purposes.map((purpose, index) => (
        <section key={purpose.title} aria-labelledby={`purpose-${index}`} className="border-l-4 border-line pl-4">
          <h3 id={`purpose-${index}`} className="text-xl font-bold">
            {purpose.title}
          </h3>
          <p>
            <strong>What:</strong> {purpose.data}
          </p>
          <p>
            <strong>Lawful basis:</strong> {purpose.basis}
          </p>
        </section>
      ))}
      <p>
        Most of this comes from you. Project leads and site leads add your role and contribution to the projects you
        join, and administrators may correct the hospital list. We make no decisions about you by automated means alone.
      </p>

      <h2 className={headingClass}>Who sees it</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <strong>Project leads and site leads</strong> see the names, grades, hospitals and contributions of the people
          taking part in their projects, and the e-mail addresses of their teams, to run the project.
        </li>
        <li>
          <strong>The committee</strong> sees the proposals it reviews and the names of the people who made them.
        </li>
        <li>
          <strong>Administrators</strong> of the portal can see everything, only to run the portal and answer requests
          like yours.
        </li>
        <li>
          <strong>Readers of published research</strong> see the author lists of projects you are credited on.
        </li>
        <li>
          <strong>Our suppliers</strong>: the e-mail provider that delivers our messages and the company that hosts the
          portal&apos;s servers process your data only on our instructions, under contracts that require them to keep it
          safe.
        </li>
      </ul>
      <p>We never sell your data or share it with anyone else for their own purposes.</p>

      <h2 className={headingClass}>Transfers outside the UK</h2>
      <p>
        We keep your data in the UK or the European Economic Area, which UK law treats as protecting it adequately. If a
        supplier ever needed to hold it elsewhere, we would first put in place the safeguards UK law requires (such as the
        ICO&apos;s International Data Transfer Agreement) and update this notice.
      </p>

      <h2 className={headingClass}>How long we keep it</h2>
      <dl className="space-y-3">
        {schedule.map((row) => (
          <div key={row.what}>
            <dt className="font-bold">{row.what}</dt>
            <dd>{row.kept}</dd>
          </div>
        ))}
      </dl>
      <p>
        The portal removes these records itself when their time is up. An administrator&apos;s account is erased for lack
        of use only while another administrator remains, so that someone can always run the portal. The lead of a
        project still under way is not asked to sign in until the project has ended: the{" "}
        {period(RETENTION.inactiveAccountYears, "year")} are then counted as for everyone else.
      </p>

      <h2 className={headingClass}>Your rights</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <strong>To a copy of your data</strong>: download everything we hold about you from{" "}
          <Link href="/dashboard/account/data">your data</Link>, in a file other services can read.
        </li>
        <li>
          <strong>To correct it</strong>: change your details in <Link href="/dashboard/profile">your profile</Link> and{" "}
          <Link href="/dashboard/account">your account</Link>, or ask us.
        </li>
        <li>
          <strong>To have it erased</strong>: delete your account from <Link href="/dashboard/account">your account</Link>.
          We erase your personal details at once; what stays is described above.
        </li>
        <li>
          <strong>To object, or to ask us to restrict its use</strong>: where we rely on legitimate interests you can
          object, and you can ask us to stop using your data while a question about it is settled. Write to{" "}
          <a href={`mailto:${controller.email}`}>{controller.email}</a>.
        </li>
        <li>
          <strong>To withdraw consent</strong>: untick the box about new projects in your profile, or change{" "}
          <Link href="/dashboard/account/notifications">what we e-mail you about</Link>.
        </li>
      </ul>
      <p>
        We answer requests within one month. Using these rights is free. We may ask you to confirm who you are if you
        write from an address that is not on your account.
      </p>

      <h2 className={headingClass}>Complaints</h2>
      <p>
        If you are unhappy with how we use your data, please tell us first at{" "}
        <a href={`mailto:${controller.email}`}>{controller.email}</a>. You also have the right to complain to the{" "}
        {ICO.name}, the UK&apos;s data protection regulator:
      </p>
      <address className="not-italic">
        {ICO.name}
        <br />
        {ICO.address.map((line) => (
          <span key={line}>
            {line}
            <br />
          </span>
        ))}
        Helpline: <a href={`tel:${ICO.helpline.replace(/\s/g, "")}`}>{ICO.helpline}</a>
        <br />
        Website: <a href={ICO.website}>{ICO.website.replace(/^https:\/\//, "").replace(/\/$/, "")}</a>
      </address>

      <h2 className={headingClass}>Changes to this notice</h2>
      <p>When we change this notice we publish the new version here, and e-mail members if the change affects them.</p>
    </article>
  );
}
