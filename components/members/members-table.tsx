"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Cell, ColumnHeader, DataTable, Row, RowHeader } from "@/components/ui/data-table";
import { FocusedAnswer } from "@/components/ui/focused-answer";
import { formatDate } from "@/lib/format/dates";
import { MEMBER_ROLE_LABELS, MEMBER_ROLES, type MemberRole } from "@/lib/validation/members";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface MemberView {
  id: string;
  name: string;
  email: string;
  /** As the page offers it: a committee member who chairs is "CHAIR". */
  memberRole: MemberRole;
  homeSite: string | null;
  joinedAt: Date;
  isYou: boolean;
}

const MAKE: Record<MemberRole, { button: string; question: (name: string) => string; explanation: string }> = {
  MEMBER: {
    button: "Make ordinary member",
    question: (name) => `Remove ${name}'s committee and administrator rights?`,
    explanation: "They keep their projects and sites, but no longer review proposals or administer the portal.",
  },
  COMMITTEE: {
    button: "Make committee member",
    question: (name) => `Make ${name} a committee member?`,
    explanation: "They will review proposals and may record the committee's decisions.",
  },
  CHAIR: {
    button: "Make committee chair",
    question: (name) => `Make ${name} a chair of the committee?`,
    explanation: "They will review proposals, assign reviewers with due dates, hear when a review is overdue, and run calls for proposals. The committee may have more than one chair.",
  },
  ADMIN: {
    button: "Make administrator",
    question: (name) => `Make ${name} an administrator?`,
    explanation: "They will be able to read the audit log and change anyone's role, including yours.",
  },
};


/**
 * Members with their roles, and for each the roles they could be given. The
 * answer is said above the table, which stays in place as roles change.
 */
export function MembersTable({ action, resetAction, members }: { action: Action; resetAction: Action; members: MemberView[] }) {
  const [roleState, roleAction] = useActionState(action, IDLE);
  const [resetState, sendResetAction] = useActionState(resetAction, IDLE);
  // The latest answer, role change or reset link, is the one shown.
  const [state, setState] = useState<FormState>(IDLE);
  const [seen, setSeen] = useState({ roleState, resetState });
  if (seen.roleState !== roleState || seen.resetState !== resetState) {
    setSeen({ roleState, resetState });
    setState(seen.roleState !== roleState ? roleState : resetState);
  }
  return (
    <div>
      <FocusedAnswer state={state} />
      <DataTable
        className="mt-2"
        caption="Members and their roles"
        head={
          <>
            <ColumnHeader>Name</ColumnHeader>
            <ColumnHeader>E-mail address</ColumnHeader>
            <ColumnHeader>Home hospital</ColumnHeader>
            <ColumnHeader>Role</ColumnHeader>
            <ColumnHeader>Change role</ColumnHeader>
            <ColumnHeader>Password</ColumnHeader>
          </>
        }
      >
        {members.map((member) => (
          <Row key={member.id}>
            <RowHeader>
              {member.name}
              <span className="block text-sm font-normal text-muted">Joined {formatDate(member.joinedAt)}</span>
            </RowHeader>
            <Cell label="E-mail address" className="break-code">
              {member.email}
            </Cell>
            <Cell label="Home hospital">{member.homeSite ?? "Not given"}</Cell>
            <Cell label="Role">{MEMBER_ROLE_LABELS[member.memberRole]}</Cell>
            <Cell label="Change role">
              {member.isYou ? (
                <span className="text-muted">You (another administrator can change your role)</span>
              ) : (
                <div className="flex flex-wrap gap-2">
                  {MEMBER_ROLES.filter((role) => role !== member.memberRole).map((role) => (
                    <form key={role} action={roleAction}>
                      <input type="hidden" name="userId" value={member.id} />
                      <input type="hidden" name="from" value={member.memberRole} />
                      <input type="hidden" name="to" value={role} />
                      <ConfirmButton
                        tone={role === "MEMBER" ? "danger" : "primary"}
                        title={MAKE[role].question(member.name)}
                        body={<p>{MAKE[role].explanation}</p>}
                        confirmLabel={MAKE[role].button}
                      >
                        {MAKE[role].button} <span className="sr-only">for {member.name}</span>
                      </ConfirmButton>
                    </form>
                  ))}
                </div>
              )}
            </Cell>
            <Cell label="Password">
              {member.isYou ? (
                <Link href="/dashboard/account">Change yours on your account page</Link>
              ) : (
                <form action={sendResetAction}>
                  <input type="hidden" name="userId" value={member.id} />
                  <ConfirmButton
                    tone="primary"
                    title={`Send ${member.name} a link to choose a new password?`}
                    body={
                      <p>
                        An e-mail goes to <span className="break-code">{member.email}</span> with a link that works for 1 hour. Their password
                        stays as it is until they choose a new one. You will not see the link.
                      </p>
                    }
                    confirmLabel="Send password reset link"
                  >
                    Send password reset link <span className="sr-only">to {member.name}</span>
                  </ConfirmButton>
                </form>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
