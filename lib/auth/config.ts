import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { settings } from "@/lib/env";
import { clientAddress } from "@/lib/security/rate-limit";
import { authenticate } from "@/lib/users/authenticate";
import { sessionCookieSetting, usesSecureCookies } from "./session-cookie";
import { endSessionBySecret, SESSION_LIFETIME_SECONDS, startSession } from "./session-store";

export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

export class AccountLimitedSignIn extends CredentialsSignin {
  code = "account_limited";
}

// Pages and actions read the session with lib/auth/session-cookie.ts, not with Auth.js's `auth()`.
export const { handlers, signIn, signOut } = NextAuth({
  // The checked setting, rather than Auth.js reading the environment by itself.
  secret: settings().AUTH_SECRET,
  // The portal is reached by its own host name (localhost in development).
  trustHost: true,
  // The cookie carries only which sign-in it is; the Session row says whether it still stands.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_SECONDS },
  // Named from PUBLIC_URL, not from each request's scheme, so that lib/auth/session-cookie.ts reads the same cookie.
  useSecureCookies: usesSecureCookies(),
  cookies: sessionCookieSetting(),
  // Its own error page answers 500 to a request it cannot read; ours says what to do.
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const result = await authenticate(credentials, clientAddress(request.headers));
        if (result.ok) {
          const sessionSecret = await startSession(result.user.id, request.headers.get("user-agent"));
          return { ...result.user, sessionSecret };
        }
        if (result.reason === "rate_limited") throw new RateLimitedSignIn();
        if (result.reason === "account_limited") throw new AccountLimitedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sessionVersion" in user) token.sessionVersion = user.sessionVersion as number;
      if (user && "sessionSecret" in user) token.sessionSecret = user.sessionSecret as string;
      return token;
    },
  },
  events: {
    // With JWT sessions Auth.js hands over the decoded cookie; forgetting its row signs out every copy of it.
    async signOut(message) {
      if ("token" in message) await endSessionBySecret(message.token?.sessionSecret);
    },
  },
  logger: {
    // A wrong password is an answer for the person, not a server error.
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
});
