import { notFound, redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/session";
import { EmailNotConfirmedError, ForbiddenError } from "@/lib/authz";
import { DomainError, NotFoundError } from "@/lib/errors";
import { memberAction, NO_FIELDS, visitorAction } from "./form-action";
import { CANNOT, type FormState } from "./validation/form-state";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({
  requireActor: () => (session.actor ? Promise.resolve(session.actor) : Promise.reject(Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/signin;307;" }))),
}));

const ada = { id: "a0000000-0000-4000-8000-000000000001", name: "Ada Lovelace", email: "ada@example.org" } as Actor;
const schema = z.object({ name: z.string().trim().min(1, "Enter a name"), password: z.string().min(10, "Enter a longer password") });

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  session.actor = ada;
});

describe("memberAction", () => {
  it("runs with the member and the parsed form, and answers what the action answers", async () => {
    const run = vi.fn(async ({ actor, data }: { actor: Actor; data: z.output<typeof schema> }) => ({
      status: "saved" as const,
      message: `${actor.name} saved ${data.name}.`,
    }));
    const state = await memberAction(form({ name: "  Leeds  ", password: "long enough secret" }), { schema }, run);
    expect(state).toEqual({ status: "saved", message: "Ada Lovelace saved Leeds." });
  });

  it("sends a form that does not parse back with a message per field and what was typed, but never the password", async () => {
    const run = vi.fn();
    const state = await memberAction(form({ name: "", password: "short", newPassword: "also secret" }), { schema }, run);
    expect(state).toEqual({
      status: "error",
      fieldErrors: { name: "Enter a name", password: "Enter a longer password" },
      formError: undefined,
      values: { name: "" },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it("says a refusal about a field beside that field, and one about the form above it, keeping what was typed", async () => {
    const typed = form({ name: "Leeds", password: "long enough secret" });
    const onField = await memberAction(typed, { schema }, () => Promise.reject(new DomainError("That name is taken", "name")));
    expect(onField).toEqual({ status: "error", fieldErrors: { name: "That name is taken" }, formError: undefined, values: { name: "Leeds" } });
    const onForm = await memberAction(typed, { schema }, () => Promise.reject(new DomainError("The study has closed.")));
    expect(onForm).toEqual({ status: "error", fieldErrors: {}, formError: "The study has closed.", values: { name: "Leeds" } });
  });

  it("says the same for not allowed and not found, so neither tells which", async () => {
    const typed = form({ name: "Leeds", password: "long enough secret" });
    const forbidden = await memberAction(typed, { schema }, () => Promise.reject(new ForbiddenError("project.edit")));
    const missing = await memberAction(typed, { schema }, () => Promise.reject(new NotFoundError("site")));
    expect(forbidden).toEqual({ status: "error", fieldErrors: {}, formError: CANNOT, values: { name: "Leeds" } });
    expect(missing).toEqual(forbidden);
    const ownWords = await memberAction(typed, { schema, cannot: "You cannot answer that invitation." }, () => Promise.reject(new NotFoundError("invitation")));
    expect(ownWords).toMatchObject({ formError: "You cannot answer that invitation." });
  });

  it("tells a member whose address is not confirmed what to do, not that they may not", async () => {
    const state = await memberAction(form({}), { schema: NO_FIELDS }, () => Promise.reject(new EmailNotConfirmedError("project.propose")));
    expect(state).toMatchObject({ status: "error", formError: new EmailNotConfirmedError("project.propose").message });
    expect(new EmailNotConfirmedError("project.propose").message).not.toBe(CANNOT);
  });

  it("lets Next.js's redirect and notFound, and any bug, through", async () => {
    const typed = form({ name: "Leeds", password: "long enough secret" });
    await expect(memberAction(typed, { schema }, () => redirect("/dashboard?saved=1"))).rejects.toMatchObject({
      digest: expect.stringContaining("/dashboard?saved=1"),
    });
    await expect(memberAction(typed, { schema }, () => notFound())).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    await expect(memberAction(typed, { schema }, () => Promise.reject(new TypeError("a bug")))).rejects.toThrow("a bug");
  });

  it("redraws what may have changed when the domain refuses, and only then", async () => {
    const onRefusal = vi.fn();
    const typed = form({ name: "Leeds", password: "long enough secret" });
    await memberAction(typed, { schema, onRefusal }, () => Promise.resolve({ status: "saved", message: "Saved." }));
    await expect(memberAction(typed, { schema, onRefusal }, () => Promise.reject(new TypeError("a bug")))).rejects.toThrow();
    expect(onRefusal).not.toHaveBeenCalled();
    await memberAction(typed, { schema, onRefusal }, () => Promise.reject(new DomainError("Changed meanwhile.")));
    expect(onRefusal).toHaveBeenCalledTimes(1);
  });

  it("keeps the ticked boxes on every error, from parsing, from a refusal and from the action's own", async () => {
    const typed = form({ name: "", password: "long enough secret" });
    typed.append("siteIds", "one");
    typed.append("siteIds", "two");
    const keep = (formData: FormData) => ({ siteIds: formData.getAll("siteIds").map(String).join(",") });
    const input = (formData: FormData) => ({ ...Object.fromEntries(formData), siteIds: formData.getAll("siteIds") });
    const withSites = schema.extend({ siteIds: z.array(z.string()) });
    expect(await memberAction(typed, { schema: withSites, input, keep }, vi.fn())).toMatchObject({ values: { name: "", siteIds: "one,two" } });
    typed.set("name", "Leeds");
    const refused = await memberAction(typed, { schema: withSites, input, keep }, () => Promise.reject(new DomainError("No.")));
    expect(refused).toMatchObject({ formError: "No.", values: { name: "Leeds", siteIds: "one,two" } });
    const own = await memberAction(typed, { schema: withSites, input, keep }, ({ fail }) => Promise.resolve(fail({ siteIds: "Choose fewer sites" })));
    expect(own).toMatchObject({ fieldErrors: { siteIds: "Choose fewer sites" }, values: { siteIds: "one,two" } });
  });

  it("builds a form's own error state when it has one, so nothing it holds is lost", async () => {
    type DraftState = FormState<{ draftId: string }>;
    const fail = (fieldErrors: Record<string, string>, formError?: string): DraftState => ({ status: "error", fieldErrors, formError, values: {}, draftId: "d1" });
    const state = await memberAction(form({}), { schema: NO_FIELDS, fail }, (): Promise<DraftState> => Promise.reject(new DomainError("Someone else saved first.")));
    expect(state).toEqual({ status: "error", fieldErrors: {}, formError: "Someone else saved first.", values: {}, draftId: "d1" });
  });

  it("sends a signed-out visitor to sign in, and runs nothing", async () => {
    session.actor = null;
    const run = vi.fn();
    await expect(memberAction(form({ name: "Leeds", password: "long enough secret" }), { schema }, run)).rejects.toMatchObject({
      digest: expect.stringContaining("/signin"),
    });
    expect(run).not.toHaveBeenCalled();
  });
});

describe("visitorAction", () => {
  it("runs for a signed-out visitor, with no actor", async () => {
    session.actor = null;
    const state = await visitorAction(form({ name: "Ada", password: "long enough secret" }), { schema }, ({ actor, data }) =>
      Promise.resolve({ status: "saved", message: `${actor === null ? "Nobody" : "Someone"} sent ${data.name}.` }),
    );
    expect(state).toEqual({ status: "saved", message: "Nobody sent Ada." });
  });

  it("sends its form back like a member's, without the password", async () => {
    session.actor = null;
    const state = await visitorAction(form({ name: "Ada", password: "short" }), { schema }, vi.fn());
    expect(state).toEqual({ status: "error", fieldErrors: { password: "Enter a longer password" }, formError: undefined, values: { name: "Ada" } });
  });
});
