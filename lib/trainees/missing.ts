// What a profile lacks for joining a project, in words. Pure: the participation rules
// (lib/participation/rules.ts) and the seed read it without a database.

/** What joining a project needs that the profile lacks, in words for the person. */
export type MissingForJoining = ("grade" | "training region" | "home hospital")[];

export function missingForJoining(profile: { grade: unknown; deaneryId: string | null; homeSiteId: string | null } | null): MissingForJoining {
  const missing: MissingForJoining = [];
  if (!profile?.grade) missing.push("grade");
  if (!profile?.deaneryId) missing.push("training region");
  if (!profile?.homeSiteId) missing.push("home hospital");
  return missing;
}

/** "Add your grade, training region and home hospital" */
export function missingMessage(missing: MissingForJoining): string {
  const list = missing.length <= 1 ? missing.join("") : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
  return `Add your ${list} to your profile`;
}
