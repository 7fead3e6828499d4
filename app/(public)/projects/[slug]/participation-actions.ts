"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { leaveProject, registerInterest, requestToJoin } from "@/lib/collaborations/participation";
import { uuidSchema } from "@/lib/validation/fields";
import { IDLE, parseForm, refusal, type FormState } from "@/lib/validation/form-state";

const joinSchema = z.object({ projectSiteId: uuidSchema("Select the hospital where you will take part") });
const collaborationSchema = z.object({ collaborationId: uuidSchema("That collaboration could not be found") });
const projectSchema = z.object({ projectId: uuidSchema("That project could not be found") });

function refresh(slug: string) {
  revalidatePath(`/projects/${slug}`);
  revalidatePath("/dashboard", "layout");
}

export async function joinProjectAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(joinSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await requestToJoin(actor, parsed.data.projectSiteId);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh(slug);
  return IDLE;
}

export async function leaveProjectAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(collaborationSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await leaveProject(actor, parsed.data.collaborationId);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh(slug);
  return IDLE;
}

export async function registerInterestAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(projectSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await registerInterest(actor, parsed.data.projectId);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh(slug);
  return IDLE;
}
