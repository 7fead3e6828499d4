/**
 * What each audit action means, as the rest of a sentence that starts with who
 * did it: "Dr A Lead" + "approved the proposal {entity}". `{entity}` is the
 * record, named (and linked) by the log. Every action written anywhere in lib/
 * has a phrase here: tests/unit/audit-phrases.test.ts finds them in the code.
 */
export const AUDIT_PHRASES: Record<string, string> = {
  "authorList.confirmed": "confirmed their name as printed on the author list of {entity}",
  "authorList.correctionRequested": "asked for a correction to their name on the author list of {entity}",
  "authorList.frozen": "froze a version of the author list of {entity}",

  "call.closingChanged": "changed the closing date of a call for proposals",
  "call.created": "opened a call for proposals",

  "certificate.issued": "downloaded a certificate for {entity}",

  "creditRole.given": "gave a credit role on the author list of {entity}",
  "creditRole.removed": "took back a credit role on the author list of {entity}",

  "collaboration.added": "added {entity}",
  "collaboration.confirmed": "confirmed {entity}",
  "collaboration.confirmedActingFor": "acted for the site lead in confirming {entity}",
  "collaboration.declinedActingFor": "acted for the site lead in declining the request to join from {entity}",
  "collaboration.contributionRecorded": "recorded the contribution of {entity}",
  "collaboration.declined": "declined the request to join from {entity}",
  "collaboration.left": "recorded that {entity} left",
  "collaboration.removed": "removed {entity}",
  "collaboration.requested": "asked to join: {entity}",
  "collaboration.rotated": "recorded that {entity} moved to another hospital, keeping the credit for the time there",
  "collaboration.roleChanged": "changed the role of {entity}",
  "collaboration.siteLeadRegistered": "became the site lead: {entity}",

  "database.backedUp": "recorded a backup of the database",

  "deanery.created": "added the region {entity}",
  "deanery.renamed": "renamed the region {entity}",

  "document.uploaded": "uploaded a study document (or a new version of one) to {entity}",

  "email.resent": "sent an e-mail again: {entity}",

  "hospitalRequest.approved": "added a requested hospital to the list: {entity}",
  "hospitalRequest.changed": "changed a hospital request: {entity}",
  "hospitalRequest.created": "asked for a hospital to be added: {entity}",
  "hospitalRequest.declined": "declined a hospital request: {entity}",
  "hospitalRequest.merged": "matched a hospital request to a listed hospital: {entity}",

  "invitation.accepted": "accepted an invitation: {entity}",
  "invitation.claimed": "took up an invitation sent before they had an account: {entity}",
  "invitation.declined": "declined an invitation: {entity}",
  "invitation.expired": "closed an invitation that was not answered in time: {entity}",
  "invitation.sent": "sent an invitation: {entity}",
  "invitation.withdrawn": "withdrew an invitation: {entity}",

  "notifications.preferencesChanged": "changed which e-mails {entity} receives",
  "notifications.unsubscribed": "unsubscribed {entity} from an e-mail",

  "output.changed": "changed a research output: {entity}",
  "output.recorded": "recorded a research output: {entity}",
  "output.removed": "removed a research output: {entity}",

  "profile.gmcNumberHeldByAnotherAccount": "entered a GMC number already held by another account, on the profile of {entity}",
  "profile.updated": "updated the profile of {entity}",

  "project.amendmentApproved": "approved an amendment to {entity}",
  "project.amendmentProposed": "proposed an amendment to {entity}",
  "project.amendmentRejected": "did not approve an amendment to {entity}",
  "project.amendmentWithdrawn": "withdrew an amendment to {entity}",
  "project.periodsGenerated": "divided the data collection of {entity} into periods",
  "project.periodChanged": "changed the dates of a data-collection period of {entity}",
  "project.periodDeleted": "deleted a data-collection period of {entity}",
  "project.approve": "approved the proposal {entity}",
  "project.coLeadAdded": "became a co-lead of {entity}",
  "project.complete": "marked the project {entity} as completed",
  "project.governanceRecorded": "recorded an approval (IRAS number or REC reference) of {entity}",
  "project.draftSaved": "saved the draft proposal {entity}",
  "project.openToSites": "opened {entity} to sites",
  "project.proposed": "started the proposal {entity}",
  "project.reject": "rejected the proposal {entity}",
  "project.requestChanges": "asked for changes to the proposal {entity}",
  "project.review": "reviewed the proposal {entity}",
  "project.settingsChanged": "changed the settings of {entity}",
  "project.sitesMessaged": "sent a message to the sites of {entity}",
  "project.startAnalysis": "closed data collection and started the analysis of {entity}",
  "project.startCollection": "started data collection for {entity}",
  "project.submit": "submitted the proposal {entity}",
  "project.withdraw": "withdrew {entity}",

  "proposal.conflictDeclared": "declared a conflict of interest in the proposal {entity}, and so neither reviews nor decides it",
  "review.assigned": "assigned a reviewer to the proposal {entity}",
  "review.assignmentChanged": "changed the due date of a review of the proposal {entity}",
  "review.assignmentWithdrawn": "withdrew a reviewer's assignment to the proposal {entity}",
  "review.reminded": "sent a reminder to a reviewer of the proposal {entity}",

  "site.activate": "started data collection at {entity}",
  "site.approvalsRecorded": "recorded the local approvals of {entity}",
  "site.governanceRecorded": "recorded an item of the governance checklist of {entity}",
  "site.governanceChecked": "checked an item of the governance checklist of {entity}",
  "site.governanceSentBack": "sent back an item of the governance checklist of {entity}",
  "site.approved": "approved {entity}",
  "site.complete": "marked {entity} as complete",
  "site.consultantCleared": "cleared the supervising consultant of {entity}",
  "site.consultantNamed": "named the supervising consultant of {entity}",
  "site.created": "added the hospital {entity}",
  "site.imported": "imported hospitals from the NHS list",
  "site.merged": "merged the hospital {entity} into another",
  "site.observerAdded": "began observing {entity}",
  "site.observerLeft": "stopped observing {entity}",
  "site.observerRemoved": "removed an observer of {entity}",
  "site.handedOver": "took over as a site lead of {entity}, in place of a site lead who stays on its team",
  "site.progressRecorded": "recorded cases submitted at {entity}",
  "site.progressRecordedActingFor": "recorded cases submitted, acting for the site lead of {entity}",
  "site.registered": "registered {entity}",
  "site.registeredAgain": "registered {entity} again",
  "site.relisted": "put the hospital {entity} back on the list",
  "site.retired": "took the hospital {entity} off the list",
  "site.startApprovals": "started seeking local approvals at {entity}",
  "site.updated": "changed the details of the hospital {entity}",
  "site.withdraw": "withdrew {entity}",

  "siteInterest.registered": "asked to be told when {entity} opens",

  "user.adminCreated": "created the administrator account {entity}",
  "user.deleted": "erased the account of {entity}",
  "user.emailChange.requested": "asked to change the e-mail address of {entity}",
  "user.emailChanged": "changed the e-mail address of {entity}",
  "user.emailConfirmed": "confirmed the e-mail address of {entity}",
  "user.emailVerification.resent": "asked for the confirmation e-mail again for {entity}",
  "user.emailVerified": "confirmed the e-mail address of {entity}",
  "user.inactivityWarned": "warned {entity} that their unused account will be erased",
  "user.password.changed": "changed the password of {entity}",
  "user.password.reset": "set a new password for {entity} with a reset link",
  "user.passwordReset.requested": "sent a password reset link to {entity}",
  "user.passwordReset.sent": "sent a password reset link to {entity}",
  "user.registered": "created the account {entity}",
  "user.roleChanged": "changed the role of {entity}",
  "user.session.ended": "signed out one of their signed-in sessions",
  "user.sessions.endedOthers": "signed out the other sessions of {entity}",
  "user.signUpWithRegisteredAddress": "tried to sign up again with the address of {entity}",
};

/** The phrase's words before and after the record's name; an action without a phrase is said plainly. */
export function phraseParts(action: string): { before: string; after: string; hasEntity: boolean } {
  const phrase = AUDIT_PHRASES[action];
  if (!phrase) return { before: `did "${action}" to`, after: "", hasEntity: true };
  const at = phrase.indexOf("{entity}");
  if (at === -1) return { before: phrase, after: "", hasEntity: false };
  return { before: phrase.slice(0, at).trimEnd(), after: phrase.slice(at + "{entity}".length), hasEntity: true };
}

/** An action as the filter lists it: "Approved the proposal …". */
export function actionLabel(action: string): string {
  const phrase = AUDIT_PHRASES[action];
  if (!phrase) return action;
  const text = phrase.replace("{entity}", "…");
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
