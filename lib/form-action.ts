import "server-only";
import { z } from "zod";
import { requireActor, type Actor } from "@/lib/auth/session";
import { catchUpWithOwnWrites } from "@/lib/cache/listener";
import { formRecord } from "@/lib/validation/date-input";
import { failure, fieldErrorsOf, refusalOf, type FormErrors, type FormState } from "@/lib/validation/form-state";

/** For an action whose form has no fields of its own (a button). */
export const NO_FIELDS = z.object({});

/** Builds the state of a form sent back: for parsing failures, refusals, and the action's own. */
export type Fail<State> = (fieldErrors: Record<string, string>, formError?: string) => State;

export interface ActionOptions<Schema extends z.ZodType> {
  schema: Schema;
  /** How the form becomes the schema's input; by default each field's text, each date's boxes gathered. */
  input?: (formData: FormData) => unknown;
  /** Values a field-by-field copy cannot hold (ticked boxes), kept on every error so nothing is lost. */
  keep?: (formData: FormData) => Record<string, string>;
  /** Said when the action is not allowed or its subject is not found (by default, "You cannot do that…"). */
  cannot?: string;
  /** Runs when the domain refuses, before the answer (to redraw a list that changed meanwhile). */
  onRefusal?: () => void;
}

export interface ActionContext<Schema extends z.ZodType, Who, State> {
  actor: Who;
  data: z.output<Schema>;
  /** The form sent back with these errors, as a refusal would be. */
  fail: Fail<State>;
}

/**
 * The one way to write an action: who acts (a signed-in member, or a signed-out
 * visitor), the form parsed against its schema, the domain's refusals turned into
 * the form's state. What `run` throws and is not a refusal is thrown on, so
 * Next.js's redirect and notFound keep working from inside it. Either way the next page
 * drawn by this process shows the write, even a public page served from lib/cache.
 */
async function perform<Schema extends z.ZodType, Who, State>(
  formData: FormData,
  options: ActionOptions<Schema>,
  who: () => Promise<Who>,
  fail: Fail<State>,
  run: (context: ActionContext<Schema, Who, State>) => Promise<State>,
): Promise<State> {
  const actor = await who();
  const parsed = options.schema.safeParse((options.input ?? formRecord)(formData));
  if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
  try {
    return await run({ actor, data: parsed.data, fail });
  } catch (error) {
    const { field, message } = refusalOf(error, options.cannot);
    options.onRefusal?.();
    return field ? fail({ [field]: message }) : fail({}, message);
  } finally {
    // Before the answer (or the redirect) is drawn: the public pages' cache has dropped what this wrote.
    await catchUpWithOwnWrites();
  }
}

function failWith(formData: FormData, keep: ActionOptions<z.ZodType>["keep"]): Fail<FormErrors> {
  return (fieldErrors, formError) => {
    const state = failure(formData, fieldErrors, formError);
    return keep ? { ...state, values: { ...state.values, ...keep(formData) } } : state;
  };
}

/** A signed-in member's action, answering with the form's state (`More`: the form's own further answers). */
export function memberAction<Schema extends z.ZodType, More extends { status: string } = never>(
  formData: FormData,
  options: ActionOptions<Schema>,
  run: (context: ActionContext<Schema, Actor, FormState<Record<never, never>, More>>) => Promise<FormState<Record<never, never>, More>>,
): Promise<FormState<Record<never, never>, More>>;
/** The same, for a form whose errors carry more than the usual fields: `fail` builds them. */
export function memberAction<Schema extends z.ZodType, State>(
  formData: FormData,
  options: ActionOptions<Schema> & { fail: Fail<State> },
  run: (context: ActionContext<Schema, Actor, State>) => Promise<State>,
): Promise<State>;
export function memberAction<Schema extends z.ZodType>(
  formData: FormData,
  options: ActionOptions<Schema> & { fail?: Fail<unknown> },
  run: (context: ActionContext<Schema, Actor, unknown>) => Promise<unknown>,
): Promise<unknown> {
  return perform(formData, options, requireActor, options.fail ?? failWith(formData, options.keep), run);
}

/** An action open to signed-out visitors (sign in, sign up, a forgotten password): no actor. */
export function visitorAction<Schema extends z.ZodType, More extends { status: string } = never>(
  formData: FormData,
  options: ActionOptions<Schema>,
  run: (context: ActionContext<Schema, null, FormState<Record<never, never>, More>>) => Promise<FormState<Record<never, never>, More>>,
): Promise<FormState<Record<never, never>, More>> {
  return perform(formData, options, () => Promise.resolve(null), failWith(formData, options.keep), run);
}
