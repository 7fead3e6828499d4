import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; sessionVersion: number } & DefaultSession["user"];
    /** The database's key of this sign-in (a hash: the secret stays inside the encrypted cookie). */
    sessionKey: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** The random value naming this sign-in's Session row (lib/auth/session-store.ts). */
    sessionSecret?: string;
  }
}
