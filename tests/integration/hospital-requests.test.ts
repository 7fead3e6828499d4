// Requests for missing hospitals: what a member may choose as home hospital, who may see and
// decide requests (a table of roles, and ids sent where they do not belong), and what each
// decision does. A refusal must change nothing.
import { describe, expect, it } from "vitest";
import { ForbiddenError, type AuthzActor } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { GlobalRole } from "@/lib/generated/prisma/enums";
import {
  approveHospitalRequest,
  countPendingHospitalRequests,
  declineHospitalRequest,
  getHospitalRequestForDecision,
  HOSPITAL_REQUESTS_PAGE_SIZE,
  listHospitalRequests,
  listOwnHospitalChoices,
  mergeHospitalRequest,
  NOT_ON_LIST_MESSAGE,
} from "@/lib/reference/hospital-requests";
import { getJoinPanel } from "@/lib/collaborations/panel";
import { registerInterest } from "@/lib/collaborations/participation";
import { relistHospital } from "@/lib/reference/hospitals";
import { updateOwnProfile } from "@/lib/trainees/profile";
import { registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { hospitalRequestSearchSchema } from "@/lib/validation/hospital-requests";
import { profileSchema } from "@/lib/validation/profile";
import { queuedEmails } from "../support/account-mail";
import { createDeanery, createProject, createSite, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";

const NOWHERE = "00000000-0000-4000-8000-000000000000";
let sequence = 0;

const actorOf = (user: { id: string; name: string; email: string; role: GlobalRole; emailVerified: Date | null }): Actor => ({
  id: user.id,
  name: user.name,
  email: user.email,
  role: user.role,
  emailVerified: user.emailVerified,
});

async function admin(): Promise<Actor> {
  return actorOf(await createUser({ role: "ADMIN" }));
}

/** Signs up through the form's schema, as the sign-up action does. */
async function signUp(fields: Record<string, string>) {
  const n = ++sequence;
  const input = signUpSchema.parse({
    name: `Requester ${n}`,
    email: `requester${n}.${crypto.randomUUID().slice(0, 6)}@example.net`,
    password: "a sound password",
    grade: "ST2",
    gmcNumber: "",
    ...fields,
  });
  return { input, result: await registerTrainee(input) };
}

/** A member who asked at sign-up for a missing hospital, with their address confirmed. */
async function requester(overrides: Record<string, string> = {}) {
  const region = overrides.deaneryId ? { id: overrides.deaneryId } : await createDeanery();
  const n = ++sequence;
  const { result } = await signUp({
    deaneryId: region.id,
    homeSiteId: "new",
    newHospitalName: `Moorland Community Hospital ${n}`,
    newHospitalCity: "Ashburton",
    newHospitalTrust: "",
    newHospitalCode: "",
    newHospitalNote: "On the hill behind the market",
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  if (result.outcome !== "created") throw new Error("The address was already registered");
  const user = await db.user.update({ where: { id: result.userId }, data: { emailVerified: new Date() } });
  const request = await db.hospitalRequest.findFirstOrThrow({ where: { requestedById: user.id }, include: { site: true } });
  return { user, actor: actorOf(user), request, site: request.site, regionId: region.id };
}

function profileForm(site: { id: string; deaneryId: string }, overrides: Record<string, string> = {}) {
  return profileSchema.parse({
    name: "A Member",
    grade: "ST3",
    deaneryId: site.deaneryId,
    homeSiteId: site.id,
    gmcNumber: "",
    orcid: "",
    modalities: [],
    subspecialties: [],
    authorSurname: "",
    authorInitials: "",
    ...overrides,
  });
}

const statusOf = async (id: string) => (await db.hospitalRequest.findUniqueOrThrow({ where: { id } })).status;
const homeOf = async (userId: string) => db.traineeProfile.findUniqueOrThrow({ where: { userId }, select: { homeSiteId: true, deaneryId: true } });

describe("asking for a missing hospital", () => {
  it("at sign-up: the hospital asked for is the new member's home hospital, awaiting approval, and the request is audited", async () => {
    const region = await createDeanery();
    const { result, input } = await signUp({
      deaneryId: region.id,
      homeSiteId: "new",
      newHospitalName: "Dartmoor Valley Hospital",
      newHospitalCity: "Tavistock",
      newHospitalTrust: "Moorland NHS Trust",
      newHospitalCode: "rx9 01",
      newHospitalNote: "Opened in 2025",
    });
    expect(result).toMatchObject({ ok: true, outcome: "created" });
    if (!result.ok || result.outcome !== "created") return;
    const profile = await db.traineeProfile.findUniqueOrThrow({ where: { userId: result.userId }, include: { homeSite: { include: { requests: true } } } });
    expect(profile.homeSite).toMatchObject({ name: "Dartmoor Valley Hospital", city: "Tavistock", trust: "Moorland NHS Trust", listing: "REQUESTED", deaneryId: region.id });
    // The code the member gave waits in a placeholder no real code can equal.
    expect(profile.homeSite.odsCode).toMatch(/^REQ-RX901-[0-9a-f]{12}$/);
    expect(profile.homeSite.requests).toEqual([expect.objectContaining({ requestedById: result.userId, status: "PENDING", note: "Opened in 2025" })]);
    const events = await db.auditEvent.findMany({ where: { actorId: result.userId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual(["hospitalRequest.created", "user.registered"]);
    expect(input.homeSiteId).toBe("new");
    // Offered to them alone, labelled.
    const stranger = await createUser();
    expect(await listOwnHospitalChoices({ id: result.userId, role: "MEMBER" })).toEqual([
      { id: profile.homeSiteId, name: "Dartmoor Valley Hospital", city: "Tavistock", deaneryId: region.id, note: "awaiting approval" },
    ]);
    expect(await listOwnHospitalChoices({ id: stranger.id, role: "MEMBER" })).toEqual([]);
  });

  it("needs the hospital's name and town, and checks the code's format", () => {
    const result = signUpSchema.safeParse({
      name: "A B",
      email: "a@example.org",
      password: "a sound password",
      grade: "ST2",
      deaneryId: NOWHERE,
      homeSiteId: "new",
      newHospitalCode: "RGT-01!",
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({
      newHospitalName: "Enter the name of your hospital",
      newHospitalCity: "Enter the town or city of your hospital",
      newHospitalCode: "Enter the organisation code as 3 to 6 letters and digits, like RGT01",
    });
  });

  it("points to a hospital on the list when its name or code is given, and creates nothing", async () => {
    const listed = await createSite({ name: "Royal Devon Hospital" });
    const listedCode = (await db.site.findUniqueOrThrow({ where: { id: listed.id } })).odsCode;
    const before = await db.user.count();
    const byName = await signUp({ deaneryId: listed.deaneryId, homeSiteId: "new", newHospitalName: "royal devon hospital", newHospitalCity: "Exeter" });
    expect(byName.result).toEqual({ ok: false, fieldErrors: { newHospitalName: "Royal Devon Hospital, Testford is on the list already: choose it as your home hospital." } });
    const byCode = await signUp({ deaneryId: listed.deaneryId, homeSiteId: "new", newHospitalName: "RD&E", newHospitalCity: "Exeter", newHospitalCode: listedCode });
    expect(byCode.result).toEqual({
      ok: false,
      fieldErrors: { newHospitalCode: `${listedCode} is the code of Royal Devon Hospital, Testford, which is on the list: choose it as your home hospital.` },
    });
    const noRegion = await signUp({ deaneryId: NOWHERE, homeSiteId: "new", newHospitalName: "Anywhere", newHospitalCity: "Nowhere" });
    expect(noRegion.result).toEqual({ ok: false, fieldErrors: { deaneryId: "Select your training region" } });
    expect(await db.user.count()).toBe(before);
    expect(await db.hospitalRequest.count({ where: { site: { city: { in: ["Exeter", "Nowhere"] } } } })).toBe(0);
  });

  it("from the profile, once per member: asking again corrects the pending request", async () => {
    const member = await createUser({ name: "A Member" });
    const region = (await homeOf(member.id)).deaneryId;
    const ask = (name: string) =>
      updateOwnProfile(actorOf(member), profileForm({ id: "new", deaneryId: region }, { newHospitalName: name, newHospitalCity: "Okehampton", newHospitalNote: "Near the castle" }));
    expect(await ask("Okehampton Hopsital")).toEqual({ ok: true });
    const first = await db.hospitalRequest.findFirstOrThrow({ where: { requestedById: member.id } });
    expect(await ask("Okehampton Hospital")).toEqual({ ok: true });
    const requests = await db.hospitalRequest.findMany({ where: { requestedById: member.id }, include: { site: true } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ id: first.id, status: "PENDING", site: { name: "Okehampton Hospital", listing: "REQUESTED" } });
    expect((await homeOf(member.id)).homeSiteId).toBe(first.siteId);
    expect(await db.auditEvent.count({ where: { entityId: first.id, action: "hospitalRequest.changed" } })).toBe(1);
  });
});

// Before, sign-up and the profile took any hospital's id: a retired one, or a hospital another
// member asked for (which nobody else is offered), was accepted as it stood.
describe("what a member may choose as home hospital", () => {
  it("at sign-up, neither another member's requested hospital nor a retired one, by id", async () => {
    const { site: requested } = await requester();
    const retired = await createSite();
    await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED", retiredAt: new Date() } });
    const before = await db.user.count();
    for (const site of [requested, retired]) {
      const { result } = await signUp({ deaneryId: site.deaneryId, homeSiteId: site.id });
      expect(result).toEqual({ ok: false, fieldErrors: { homeSiteId: NOT_ON_LIST_MESSAGE } });
    }
    expect(await db.user.count()).toBe(before);
    const listed = await createSite();
    expect((await signUp({ deaneryId: listed.deaneryId, homeSiteId: listed.id })).result.ok).toBe(true);
  });

  it("on the profile: their own request and the hospital they have, not someone else's request nor a retired one", async () => {
    const { site: requested } = await requester();
    const retired = await createSite();
    await db.site.update({ where: { id: retired.id }, data: { listing: "RETIRED", retiredAt: new Date() } });
    const member = await createUser({ name: "A Member" });
    const home = await homeOf(member.id);
    const eventsBefore = await db.auditEvent.count({ where: { entityId: member.id } });
    for (const site of [requested, retired]) {
      expect(await updateOwnProfile(actorOf(member), profileForm(site))).toEqual({ ok: false, fieldErrors: { homeSiteId: NOT_ON_LIST_MESSAGE } });
    }
    expect(await homeOf(member.id)).toEqual(home);
    expect(await db.auditEvent.count({ where: { entityId: member.id } })).toBe(eventsBefore);

    // A retired hospital already on a profile may be kept.
    const keeper = await createUser({ name: "A Member", siteId: retired.id });
    expect(await updateOwnProfile(actorOf(keeper), profileForm(retired, { grade: "ST5" }))).toEqual({ ok: true });
    expect(await listOwnHospitalChoices({ id: keeper.id, role: "MEMBER" })).toEqual([expect.objectContaining({ id: retired.id, note: "no longer on the list" })]);
    // The requester may move away from their requested hospital and back while it is pending.
    const { actor, site } = await requester();
    const listed = await createSite({ deaneryId: site.deaneryId });
    expect(await updateOwnProfile(actor, profileForm(listed, { name: actor.name }))).toEqual({ ok: true });
    expect(await updateOwnProfile(actor, profileForm(site, { name: actor.name }))).toEqual({ ok: true });
    expect((await homeOf(actor.id)).homeSiteId).toBe(site.id);
  });
});

describe("who may see and decide requests", () => {
  type Persona = [string, (requesterActor: AuthzActor) => Promise<AuthzActor | null>, boolean];
  const PERSONAS: Persona[] = [
    ["visitor", async () => null, false],
    ["member", async () => actorOf(await createUser()), false],
    ["the requester", async (requesterActor) => requesterActor, false],
    ["committee member", async () => actorOf(await createUser({ role: "COMMITTEE" })), false],
    ["administrator", admin, true],
  ];
  for (const [persona, make, allowed] of PERSONAS) {
    it(`${persona}: ${allowed ? "may" : "may not"} list, open, approve, merge or decline`, async () => {
      const [a, b, c] = [await requester(), await requester(), await requester()];
      const actor = await make(a.actor);
      const target = await createSite({ deaneryId: b.regionId });
      const search = hospitalRequestSearchSchema.parse({ q: a.site.name });
      const attempts = {
        list: listHospitalRequests(actor, search),
        count: countPendingHospitalRequests(actor),
        open: getHospitalRequestForDecision(actor, a.request.id),
        approve: approveHospitalRequest(actor, { requestId: a.request.id, name: a.site.name, trust: "Moorland NHS Trust", odsCode: `Q${String(++sequence).padStart(4, "0")}`, city: "Ashburton", deaneryId: a.regionId }),
        merge: mergeHospitalRequest(actor, { requestId: b.request.id, intoSiteId: target.id }),
        decline: declineHospitalRequest(actor, { requestId: c.request.id, reason: "Not a hospital." }),
      };
      const settled = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([name, promise]): Promise<[string, unknown]> => [name, await (promise as Promise<unknown>).then(() => "done", (error: unknown) => error)])));
      if (allowed) {
        expect(Object.values(settled)).toEqual(["done", "done", "done", "done", "done", "done"]);
        expect([await statusOf(a.request.id), await statusOf(b.request.id), await statusOf(c.request.id)]).toEqual(["APPROVED", "MERGED", "DECLINED"]);
      } else {
        for (const outcome of Object.values(settled)) expect(outcome).toBeInstanceOf(ForbiddenError);
        expect([await statusOf(a.request.id), await statusOf(b.request.id), await statusOf(c.request.id)]).toEqual(["PENDING", "PENDING", "PENDING"]);
        expect(await db.site.count({ where: { id: { in: [a.site.id, b.site.id, c.site.id] }, listing: "REQUESTED" } })).toBe(3);
        expect(await db.notification.count({ where: { userId: { in: [a.user.id, b.user.id, c.user.id] } } })).toBe(0);
        expect(await db.auditEvent.count({ where: { entityId: { in: [a.request.id, b.request.id, c.request.id] }, action: { not: "hospitalRequest.created" } } })).toBe(0);
      }
    });
  }

  it("anyone may ask: a visitor at sign-up, a member, a committee member or an administrator on their profile", async () => {
    expect((await requester()).request.status).toBe("PENDING");
    for (const role of ["MEMBER", "COMMITTEE", "ADMIN"] as const) {
      const user = await createUser({ role, name: "A Member" });
      const { deaneryId } = await homeOf(user.id);
      expect(await updateOwnProfile(actorOf(user), profileForm({ id: "new", deaneryId }, { newHospitalName: `Asked by ${role}`, newHospitalCity: "Exeter" }))).toEqual({ ok: true });
      expect(await db.hospitalRequest.count({ where: { requestedById: user.id, status: "PENDING" } })).toBe(1);
    }
  });

  it("ids sent where they do not belong find nothing and change nothing", async () => {
    const boss = await admin();
    const { request, site } = await requester();
    const listed = await createSite();
    const approve = (requestId: string) => approveHospitalRequest(boss, { requestId, name: "X", trust: "Y", odsCode: "ZZ901", city: "Z", deaneryId: site.deaneryId });
    // A hospital's id, an id of nothing, one that is not an id at all.
    for (const id of [listed.id, site.id, NOWHERE, "not-a-uuid", "------------------------------------"]) {
      await expect(approve(id)).rejects.toThrow(NotFoundError);
      await expect(getHospitalRequestForDecision(boss, id)).rejects.toThrow(NotFoundError);
    }
    // Merging into a hospital that is not on the list (another member's request) is refused.
    const other = await requester();
    await expect(mergeHospitalRequest(boss, { requestId: request.id, intoSiteId: other.site.id })).rejects.toThrow("Select the hospital on the list it is");
    // A request from an address not yet confirmed does not reach administrators.
    const unconfirmed = await requester();
    await db.user.update({ where: { id: unconfirmed.user.id }, data: { emailVerified: null } });
    await expect(getHospitalRequestForDecision(boss, unconfirmed.request.id)).rejects.toThrow(NotFoundError);
    await expect(declineHospitalRequest(boss, { requestId: unconfirmed.request.id, reason: "No." })).rejects.toThrow(NotFoundError);
    expect(await db.hospitalRequest.count({ where: { id: { in: [request.id, other.request.id, unconfirmed.request.id] }, status: "PENDING" } })).toBe(3);
    expect(await db.site.count({ where: { odsCode: "ZZ901" } })).toBe(0);
  });
});

describe("deciding a request", () => {
  it("approving puts the corrected hospital on the list, moves the member's region with it, and tells them", async () => {
    const boss = await admin();
    const { user, request, site } = await requester({ newHospitalCode: "RX901" });
    const elsewhere = await createDeanery({ name: `Peninsula ${++sequence}` });
    expect((await getHospitalRequestForDecision(boss, request.id)).suggestedCode).toBe("RX901");
    await approveHospitalRequest(boss, { requestId: request.id, name: "Moorland Hospital", trust: "Moorland NHS Trust", odsCode: "RX901", city: "Ashburton", deaneryId: elsewhere.id });

    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({
      name: "Moorland Hospital",
      trust: "Moorland NHS Trust",
      odsCode: "RX901",
      city: "Ashburton",
      deaneryId: elsewhere.id,
      listing: "LISTED",
    });
    expect(await homeOf(user.id)).toEqual({ homeSiteId: site.id, deaneryId: elsewhere.id });
    expect(await db.hospitalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "APPROVED", decidedById: boss.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: request.id, action: "hospitalRequest.approved" } })).toMatchObject({ actorId: boss.id });
    expect(await db.notification.findMany({ where: { userId: user.id }, select: { kind: true, message: true, link: true } })).toEqual([
      { kind: "hospitalRequest.decided", message: "Moorland Hospital, Ashburton was added to the list of hospitals, as you asked. It is your home hospital.", link: "/dashboard/profile" },
    ]);
    const [email] = await queuedEmails(user.email, "hospitalRequest.decided");
    expect(email!.subject).toBe("Your hospital was added to RADIANT");
    expect(email!.text).toContain(`Moorland Hospital, Ashburton in ${elsewhere.name}, which is now your training region too, is now on RADIANT's list of hospitals`);
    expect(email!.text).toMatch(/Open your profile:\nhttps?:\/\/\S+\/dashboard\/profile/);
    // Now anyone may choose it.
    const newcomer = await signUp({ deaneryId: elsewhere.id, homeSiteId: site.id });
    expect(newcomer.result.ok).toBe(true);
  });

  it("approving with a code another hospital holds is refused at the field, and nothing changes", async () => {
    const boss = await admin();
    const { request, site } = await requester();
    const listed = await createSite({ name: "Torbay Hospital" });
    const { odsCode } = await db.site.findUniqueOrThrow({ where: { id: listed.id } });
    const attempt = approveHospitalRequest(boss, { requestId: request.id, name: "Torbay", trust: "T", odsCode, city: "Torquay", deaneryId: site.deaneryId });
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toMatchObject({ field: "odsCode", message: `${odsCode} is already the code of Torbay Hospital, Testford. If it is the same hospital, merge the request into it instead.` });
    expect(await statusOf(request.id)).toBe("PENDING");
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ listing: "REQUESTED", name: site.name });
  });

  it("merging moves the member's profile and interests to the hospital on the list and retires the request's entry", async () => {
    const boss = await admin();
    const { user, request, site } = await requester();
    const target = await createSite({ name: "Derriford Hospital" });
    const project = await db.project.create({
      data: { slug: `p-${crypto.randomUUID().slice(0, 8)}`, title: "A study", summary: "S", createdById: user.id, status: "DATA_COLLECTION" },
    });
    await db.siteInterest.create({ data: { projectId: project.id, siteId: site.id, userId: user.id } });
    await mergeHospitalRequest(boss, { requestId: request.id, intoSiteId: target.id, note: "It is the same hospital under its trust's name." });

    expect(await homeOf(user.id)).toEqual({ homeSiteId: target.id, deaneryId: target.deaneryId });
    expect(await db.siteInterest.findMany({ where: { userId: user.id }, select: { siteId: true } })).toEqual([{ siteId: target.id }]);
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ listing: "RETIRED", mergedIntoId: target.id, retiredAt: expect.any(Date) });
    expect(await db.hospitalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "MERGED", resolvedSiteId: target.id });
    expect(await db.auditEvent.count({ where: { entityId: request.id, action: "hospitalRequest.merged", actorId: boss.id } })).toBe(1);
    const [email] = await queuedEmails(user.email, "hospitalRequest.decided");
    expect(email!.subject).toBe("Your hospital is on RADIANT's list");
    expect(email!.text).toContain("It is on the list already, as Derriford Hospital, Testford, and your profile now shows it as your home hospital.");
    expect(email!.text).toContain("The administrator's note: It is the same hospital under its trust's name.");
    // The retired entry is offered to nobody, the requester included.
    expect(await listOwnHospitalChoices({ id: user.id, role: "MEMBER" })).toEqual([]);
  });

  it("declining retires the entry, which stays on the member's profile until they choose another, and says why", async () => {
    const boss = await admin();
    const { user, actor, request, site } = await requester();
    await declineHospitalRequest(boss, { requestId: request.id, reason: "It has no radiology department." });
    expect(await db.site.findUniqueOrThrow({ where: { id: site.id } })).toMatchObject({ listing: "RETIRED", mergedIntoId: null });
    expect(await db.hospitalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DECLINED", decisionNote: "It has no radiology department." });
    expect((await homeOf(user.id)).homeSiteId).toBe(site.id);
    const [email] = await queuedEmails(user.email, "hospitalRequest.decided");
    expect(email!.subject).toBe("Your request for a hospital was declined");
    expect(email!.text).toContain("Their reason: It has no radiology department.");
    // Never checked, so it cannot be put on the list as it stands, past the approval that corrects it.
    await expect(relistHospital(boss, site.id)).rejects.toThrow(/was a member's request that was declined/);
    expect((await db.site.findUniqueOrThrow({ where: { id: site.id } })).listing).toBe("RETIRED");
    // Kept while it is theirs; not offered to others; the member may ask again.
    expect(await updateOwnProfile(actor, profileForm(site, { name: actor.name }))).toEqual({ ok: true });
    const other = await createUser({ name: "A Member" });
    expect(await updateOwnProfile(actorOf(other), profileForm(site))).toEqual({ ok: false, fieldErrors: { homeSiteId: NOT_ON_LIST_MESSAGE } });
    expect(await updateOwnProfile(actor, profileForm({ id: "new", deaneryId: site.deaneryId }, { name: actor.name, newHospitalName: "Moorland Hospital", newHospitalCity: "Ashburton" }))).toEqual({ ok: true });
    expect(await db.hospitalRequest.count({ where: { requestedById: user.id, status: "PENDING" } })).toBe(1);
  });

  it("two administrators deciding at once: one decision is made, the other is told, nothing is done twice", async () => {
    const [first, second] = [await admin(), await admin()];
    const { user, request, site } = await requester();
    const results = await Promise.allSettled([
      approveHospitalRequest(first, { requestId: request.id, name: site.name, trust: "T", odsCode: "RQ777", city: site.city, deaneryId: site.deaneryId }),
      declineHospitalRequest(second, { requestId: request.id, reason: "Duplicate." }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect((refused.reason as DomainError).message).toMatch(/^Another administrator already (approved|declined) this request on .+\. Nothing was changed\.$/);
    expect(await db.auditEvent.count({ where: { entityId: request.id, action: { in: ["hospitalRequest.approved", "hospitalRequest.declined"] } } })).toBe(1);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await queuedEmails(user.email, "hospitalRequest.decided")).toHaveLength(1);
    // And a decided request cannot be decided again.
    await expect(mergeHospitalRequest(first, { requestId: request.id, intoSiteId: (await createSite()).id })).rejects.toThrow(/^Another administrator already/);
  });
});

describe("the administrators' list", () => {
  it("shows pending requests oldest first, a page at a time, searchable, and counts them for the dashboard", async () => {
    const boss = await admin();
    const region = await createDeanery();
    const tag = `Zennor${Date.now()}`;
    const made: Awaited<ReturnType<typeof requester>>[] = [];
    for (let i = 0; i < HOSPITAL_REQUESTS_PAGE_SIZE + 1; i++) made.push(await requester({ deaneryId: region.id, newHospitalName: `${tag} ${String(i).padStart(2, "0")}` }));
    const { result: first, statements } = await countStatements(() => listHospitalRequests(boss, hospitalRequestSearchSchema.parse({ q: tag.toLowerCase() })));
    // As many statements for 21 requests as for none; deciding one reads the same few whatever the list holds.
    expect(statements).toBe((await countStatements(() => listHospitalRequests(boss, hospitalRequestSearchSchema.parse({ q: "no such hospital" })))).statements);
    expect(statements).toBeLessThanOrEqual(2);
    expect((await countStatements(() => getHospitalRequestForDecision(boss, made[0]!.request.id))).statements).toBeLessThanOrEqual(3);
    expect(first).toMatchObject({ total: HOSPITAL_REQUESTS_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.rows[0]).toMatchObject({ name: `${tag} 00`, city: "Ashburton", region: region.name, note: "On the hill behind the market", requester: { name: made[0]!.user.name } });
    const last = await listHospitalRequests(boss, hospitalRequestSearchSchema.parse({ q: tag, page: "7" }));
    expect(last.rows.map((row) => row.name)).toEqual([`${tag} ${HOSPITAL_REQUESTS_PAGE_SIZE}`]);
    const before = await countPendingHospitalRequests(boss);
    await declineHospitalRequest(boss, { requestId: made[0]!.request.id, reason: "Duplicate." });
    // An erased account's request no longer waits.
    await db.user.update({ where: { id: made[1]!.user.id }, data: { deletedAt: new Date() } });
    expect(await countPendingHospitalRequests(boss)).toBe(before - 2);
    expect((await listHospitalRequests(boss, hospitalRequestSearchSchema.parse({ q: tag }))).total).toBe(HOSPITAL_REQUESTS_PAGE_SIZE - 1);
  });
});

describe("a requested hospital seen by others", () => {
  it("is not shown to a project's leads as demand from a hospital, though its member registered interest there", async () => {
    const { actor, site } = await requester({ newHospitalName: "Hospital Of Dr Jane Q Private" });
    const lead = actorOf(await createUser());
    const project = await createProject({ status: "DATA_COLLECTION", leadId: lead.id });
    // The member's interest is their own to register; what they typed as a hospital is for administrators to decide on.
    await registerInterest(actor, project.id);
    const panel = await getJoinPanel(lead, project.slug);
    expect(panel!.demand).toEqual([]);
    // Once an administrator lists it, it counts like any hospital.
    await db.site.update({ where: { id: site.id }, data: { listing: "LISTED" } });
    expect((await getJoinPanel(lead, project.slug))!.demand).toEqual([{ site: "Hospital Of Dr Jane Q Private", city: "Ashburton", count: 1 }]);
  });
});
