/**
 * The server actions that client components call, and the only place they import
 * actions from (the lint rule of issue 14 allows this path alone). A plain module,
 * not "use server": it re-exports the actions of the "use server" modules, which
 * stay beside their pages. Pages (server components) may still hand an action to a
 * component as a prop.
 */
export { signOutAction } from "@/app/(auth)/actions";
export { forgottenPasswordAction } from "@/app/(auth)/forgotten-password/actions";
export { signInAction } from "@/app/(auth)/signin/actions";
export { signUpAction } from "@/app/(auth)/signup/actions";
export { joinProjectAction, leaveProjectAction, registerInterestAction } from "@/app/(public)/projects/[slug]/participation-actions";
export { changeEmailAction, changePasswordAction, deleteAccountAction, resendVerificationAction } from "@/app/dashboard/account/actions";
export { endOtherSessionsAction, endSessionAction } from "@/app/dashboard/account/session-actions";
export { saveProfileAction } from "@/app/dashboard/profile/actions";
export { moveProjectAction, saveProposalAction } from "@/app/dashboard/proposals/actions";
export { proposeAmendmentAction, withdrawAmendmentAction } from "@/app/dashboard/projects/[slug]/amendments/actions";
export { decideAmendmentAction } from "@/app/dashboard/review/amendments/[id]/actions";
export { declareConflictAction, decideProposalAction, submitReviewAction } from "@/app/dashboard/review/[id]/actions";
