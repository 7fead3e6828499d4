// A module, so that the declaration below adds to Auth.js's types instead of replacing them.
export {};

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    /** The random value naming this sign-in's Session row (lib/auth/session-store.ts). */
    sessionSecret?: string;
  }
}
