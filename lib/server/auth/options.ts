import "server-only";
// next-auth configuration: credentials (email + password, argon2id) and a JWT that carries only
// the user id and the id of a server-side session record (user-sessions.ts). Role, agency, the
// active flag and whether the session still counts are read from the database on every request
// (lib/server/auth/actor.ts), so signing out or disabling a user ends a copied cookie too.
// Cookies: next-auth makes them `__Secure-` and `Secure` by itself whenever NEXTAUTH_URL is
// https (useSecureCookies defaults to that, core/init.js); proxy.ts and getToken use the same names.
import { isUuid } from "@/lib/domain/kit";
import { renderMessage } from "@/lib/i18n/message";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { requestClientIp } from "./request-ip";
import { authenticateCredentials, SignInLockedError } from "./sign-in";
import { endSession, SESSION_MAX_AGE_S } from "./user-sessions";
import { loadActor } from "./actor";

export { SESSION_MAX_AGE_S };

/** Thrown by the session callback for an ended session: next-auth then answers {} and clears the cookie. */
class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "E-mail en wachtwoord",
      credentials: { email: { label: "E-mailadres", type: "email" }, password: { label: "Wachtwoord", type: "password" } },
      async authorize(credentials) {
        try {
          return await authenticateCredentials(credentials, await requestClientIp());
        } catch (e) {
          // next-auth passes an Error's message to signIn() as `error`: only ours is meant for the
          // user, in the login page's language (its cookie, else the browser's). Imported here, not
          // at the top: request-locale reads the session module, which reads these options.
          const { visitorLocale } = await import("@/lib/server/i18n/request-locale");
          const locale = await visitorLocale();
          if (e instanceof SignInLockedError) throw new Error(e.messageIn(locale));
          console.error("Aanmelden mislukt door een fout:", e);
          throw new Error(renderMessage("auth.unavailable", locale));
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      // /api/auth/session must not hand out the user of an ended, idle or expired session
      if (typeof token.uid !== "string" || !isUuid(token.sid)) throw new SessionEndedError();
      try {
        await loadActor(token.uid, null, token.sid);
      } catch {
        throw new SessionEndedError();
      }
      if (session.user) (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(token?.sid, "signout");
    },
  },
  logger: {
    // an ended session asking for /api/auth/session is expected, not an error worth a stack trace
    error(code, metadata) {
      if ((metadata as { name?: string } | undefined)?.name === "SessionEndedError") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
