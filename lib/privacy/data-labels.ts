// "Your data" as people read it: each field with a label, dates written out, yes and no,
// codes turned into words. The download keeps the raw JSON; this is the page's reading of it.
import { actionLabel } from "@/lib/audit-log/phrases";
import { formatLongDay, formatMoment } from "@/lib/format/dates";
import { INVITATION_ROLE_LABELS } from "@/lib/invitations/words";
import {
  GLOBAL_ROLE_LABELS,
  GRADE_LABELS,
  MODALITY_LABELS,
  RECOMMENDATION_LABELS,
  STATUS_LABELS,
  SUBSPECIALTY_LABELS,
} from "@/lib/validation/constants";
import { ROLE_LABELS } from "@/lib/validation/sites";
import { OUTPUT_KIND_LABELS } from "@/lib/validation/outputs";
import { CONFLICT_KIND_LABELS } from "@/lib/validation/proposals";
import { ANSWER_LABELS, CREDIT_ROLE_LABELS } from "@/lib/validation/credit-roles";
import type { MyData } from "./export";

const GOVERNANCE_STATES: Record<string, string> = { RECORDED: "Waiting for the project lead's check", CHECKED: "Checked", SENT_BACK: "Sent back" };

export interface DataField {
  label: string;
  value: string;
}

export interface DataSection {
  title: string;
  /** One entry per record; each a list of labelled fields. */
  entries: DataField[][];
}

const COLLABORATION_STATUS: Record<string, string> = { REQUESTED: "Asked to join", CONFIRMED: "Confirmed", DECLINED: "Declined", LEFT: "Left" };
const INVITATION_STATUS: Record<string, string> = {
  PENDING: "Waiting for an answer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
  EXPIRED: "Expired",
};
const LEAD_ROLE: Record<string, string> = { LEAD: "Lead", CO_LEAD: "Co-lead" };
const AMENDMENT_STATUS_LABELS: Record<string, string> = {
  PROPOSED: "Waiting for the committee",
  APPROVED: "Approved",
  REJECTED: "Not approved",
  WITHDRAWN: "Withdrawn",
};
const CERTIFICATE_KINDS: Record<string, string> = {
  PARTICIPANT: "Participation",
  PROJECT_LEAD: "Project lead",
  CO_LEAD: "Co-lead",
  REVIEWER: "Proposal reviews",
  CONSULTANT: "Supervising consultant",
};
const RECORD_KINDS: Record<string, string> = {
  Project: "Project or proposal",
  ProjectSite: "Hospital in a project",
  Collaboration: "Place on a site team",
  User: "Your account",
  TraineeProfile: "Your profile",
  Site: "Hospital",
  Deanery: "Region",
  HospitalRequest: "Hospital request",
  Invitation: "Invitation",
  SiteInterest: "Request to be told when a hospital opens",
  EmailMessage: "E-mail",
  Session: "Signed-in session",
  ProjectOutput: "Output of a project",
};

const NOT_GIVEN = "Not given";
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const text = (value: string | null | undefined) => (value === null || value === undefined || value === "" ? NOT_GIVEN : value);
const moment = (iso: string | null | undefined, none = NOT_GIVEN) => (iso && ISO_MOMENT.test(iso) ? formatMoment(new Date(iso)) : none);
const yesNo = (value: boolean) => (value ? "yes" : "no");
const labelled = (labels: Record<string, string>, value: string | null | undefined) => (value ? (labels[value] ?? value) : NOT_GIVEN);
const list = (labels: Record<string, string>, values: readonly string[]) => (values.length ? values.map((value) => labels[value] ?? value).join(", ") : "None");
const field = (label: string, value: string): DataField => ({ label, value });
const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const formatOutputDay = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? dayFormat.format(new Date(`${iso}T00:00:00Z`)) : NOT_GIVEN);

/** The sections of "Your data", in the page's order, every value in words. */
export function describeMyData(data: MyData): DataSection[] {
  const { account, profile } = data;
  return [
    {
      title: "Account",
      entries: [
        [
          field("Name", account.name),
          field("E-mail address", account.email),
          field("Role", labelled(GLOBAL_ROLE_LABELS, account.role)),
          field("Account created", moment(account.createdAt)),
          field("Last signed in", moment(account.lastSignInAt, "Never")),
          ...(account.inactivityWarnedAt ? [field("Warned that the unused account will be erased", moment(account.inactivityWarnedAt))] : []),
        ],
      ],
    },
    {
      title: "Profile",
      entries: profile
        ? [
            [
              field("Grade", labelled(GRADE_LABELS, profile.grade)),
              field("Training region", profile.trainingRegion),
              field("Home hospital", profile.homeHospital),
              field("GMC number", text(profile.gmcNumber)),
              field("ORCID iD", text(profile.orcid)),
              field("Modalities", list(MODALITY_LABELS, profile.modalities)),
              field("Subspecialties", list(SUBSPECIALTY_LABELS, profile.subspecialties)),
              field("Consent to e-mail", yesNo(profile.contactConsent)),
              field("Surname for author lists", text(profile.authorSurname)),
              field("Initials for author lists", text(profile.authorInitials)),
            ],
          ]
        : [],
    },
    {
      title: "Collaborations",
      entries: data.collaborations.map((c) => [
        field("Project", c.project),
        field("Hospital", c.hospital),
        field("Role", labelled(ROLE_LABELS, c.role)),
        field("Status", labelled(COLLABORATION_STATUS, c.status)),
        field("Contribution", text(c.contribution)),
        field("Asked to join", moment(c.requestedAt)),
        field("Decided", moment(c.decidedAt, "Not yet")),
        field("Ended", moment(c.endedAt, "Not ended")),
      ]),
    },
    {
      title: "Certificates",
      entries: data.certificates.map((c) => [
        field("Kind", labelled(CERTIFICATE_KINDS, c.kind)),
        field("Certifies", c.certifies),
        field("Verification code", c.code),
        field("Issued", moment(c.issuedAt)),
      ]),
    },
    {
      title: "Projects you lead",
      entries: data.projectsLed.map((p) => [field("Project", p.project), field("Stage", labelled(STATUS_LABELS, p.status)), field("Role", labelled(LEAD_ROLE, p.role))]),
    },
    {
      title: "Reviews you wrote",
      entries: data.reviewsWritten.map((r) => [
        field("Project", r.project),
        field("Importance", `${r.importance} out of 5`),
        field("Feasibility", `${r.feasibility} out of 5`),
        field("Clarity", `${r.clarity} out of 5`),
        field("Comment", text(r.comment)),
        field("Recommendation", labelled(RECOMMENDATION_LABELS, r.recommendation)),
        field("Written", moment(r.writtenAt)),
      ]),
    },
    {
      title: "Conflicts of interest you declared",
      entries: data.conflictsDeclared.map((c) => [
        field("Project", c.project),
        field("Conflict", CONFLICT_KIND_LABELS[c.kind].label),
        field("Note", text(c.note)),
        field("Declared", moment(c.declaredAt)),
      ]),
    },
    {
      title: "Reviews you were asked to write",
      entries: data.reviewsAssigned.map((a) => [
        field("Project", a.project),
        field("Version", String(a.version)),
        field("Due", formatLongDay(new Date(`${a.dueOn}T00:00:00Z`))),
        field("Asked", moment(a.assignedAt)),
        field("Reminded", moment(a.remindedAt, "Not reminded")),
      ]),
    },
    {
      title: "Progress you recorded",
      entries: data.progressRecorded.map((p) => [
        field("Project", p.project),
        field("Hospital", p.hospital),
        field("Cases submitted so far", String(p.cumulativeCases)),
        field("Note", text(p.note)),
        field("Recorded", moment(p.reportedAt)),
      ]),
    },
    {
      title: "Interest you registered",
      entries: data.interestRegistered.map((i) => [field("Project", i.project), field("Hospital", i.hospital), field("Registered", moment(i.at))]),
    },
    {
      title: "Notifications",
      entries: data.notifications.map((n) => [field("Message", n.message), field("Sent", moment(n.at)), field("Read", yesNo(n.read))]),
    },
    {
      title: "Where you are signed in",
      entries: data.signedIn.map((s) => [field("Browser", text(s.browser)), field("Signed in", moment(s.signedInAt)), field("Ends", moment(s.endsAt))]),
    },
    {
      title: "Invitations you received",
      entries: data.invitationsReceived.map((i) => [
        field("As", labelled(INVITATION_ROLE_LABELS, i.as)),
        field("Project", i.project),
        field("Hospital", text(i.hospital)),
        field("Invited by", i.invitedBy),
        field("Status", labelled(INVITATION_STATUS, i.status)),
        field("Sent", moment(i.sentAt)),
        field("Answered", moment(i.answeredAt, "Not yet")),
      ]),
    },
    {
      title: "Outputs of your projects",
      entries: data.outputsOfYourProjects.map((o) => [
        field("Project", o.project),
        field("Kind", labelled(OUTPUT_KIND_LABELS, o.kind)),
        field("Title", o.title),
        field("Journal, conference or publisher", o.venue),
        field("Date", formatOutputDay(o.date)),
        field("DOI", text(o.doi)),
        field("PMID", text(o.pmid)),
      ]),
    },
    {
      title: "Sites you observe",
      entries: data.sitesObserved.map((o) => [field("Project", o.project), field("Hospital", o.hospital), field("Observing since", moment(o.since))]),
    },
    {
      title: "Author lists you are on",
      entries: data.authorLists.map((a) => [
        field("Project", a.project),
        field("Version", String(a.version)),
        field("Frozen", moment(a.frozenAt)),
        field("Printed as", a.affiliations.length > 0 ? `${a.printedAs} (${a.affiliations.join("; ")})` : a.printedAs),
        field("Role", labelled(CREDIT_ROLE_LABELS, a.role)),
        field("Cited", yesNo(a.cited)),
        field("Your answer", labelled(ANSWER_LABELS, a.answer)),
        field("Correction you asked for", text(a.correction)),
      ]),
    },
    {
      title: "Amendments you proposed",
      entries: data.amendmentsProposed.map((a) => [
        field("Project", a.project),
        field("Amendment", String(a.number)),
        field("Where it stands", labelled(AMENDMENT_STATUS_LABELS, a.status)),
        field("Your reason", a.reason),
        field("Proposed", moment(a.at)),
      ]),
    },
    {
      title: "Amendments you decided on",
      entries: data.amendmentsDecided.map((a) => [
        field("Project", a.project),
        field("Amendment", String(a.number)),
        field("Decision", labelled(AMENDMENT_STATUS_LABELS, a.status)),
        field("Your message", text(a.message)),
        field("Decided", a.at ? moment(a.at) : "Not given"),
      ]),
    },
    {
      title: "Governance items you recorded",
      entries: data.governanceRecorded.map((g) => [
        field("Project", g.project),
        field("Hospital", g.hospital),
        field("Item", g.item),
        field("Reference", g.reference),
        field("Date", formatLongDay(new Date(`${g.date}T00:00:00Z`))),
        field("Where it stands", labelled(GOVERNANCE_STATES, g.state)),
        field("Recorded", moment(g.at)),
      ]),
    },
    {
      title: "Governance items you checked or sent back",
      entries: data.governanceChecked.map((g) => [
        field("Project", g.project),
        field("Hospital", g.hospital),
        field("Item", g.item),
        field("Where it stands", labelled(GOVERNANCE_STATES, g.state)),
        field("Reason for sending it back", text(g.sentBackReason ?? "")),
        field("When", g.at ? moment(g.at) : "Not given"),
      ]),
    },
    {
      title: "Documents you uploaded",
      entries: data.documentsUploaded.map((d) => [
        field("Project", d.project),
        field("Document", d.document),
        field("Version", String(d.version)),
        field("File", d.fileName),
        field("Note", text(d.note)),
        field("Uploaded", moment(d.at)),
      ]),
    },
    {
      title: "Changes you made",
      entries: data.changesMade.map((e) => [field("What you did", actionLabel(e.action)), field("Kind of record", labelled(RECORD_KINDS, e.record)), field("When", moment(e.at))]),
    },
  ];
}
