import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { signInSchema } from "@/lib/validation/auth";

// Compared against when no account matches, so that an unknown e-mail costs
// as much time as a wrong password and does not reveal which accounts exist.
const DECOY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$yX37cPxnqfkfALdPxEu1oQ$17TIF+wFL/IihmKWMWm+SvTtgO/oxE2gDl/yGuUjX5Y";

export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
}

/** The user these credentials belong to, or null. */
export async function authenticate(credentials: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? DECOY_HASH, parsed.data.password);
  if (!user || !user.passwordHash || !valid) return null;
  return { id: user.id, name: user.name, email: user.email };
}
