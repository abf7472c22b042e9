// Auth.js: email and password sign-in. The session cookie is an encrypted JWT
// that names a row of UserSession (lib/identity/sessions.ts); that row, checked
// on every request, is what keeps a session alive or ends it.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientContext } from "@/lib/identity/client";
import { endSession } from "@/lib/identity/sessions";
import { signInWithPassword, SignInUnavailableError, ThrottledError } from "@/lib/identity/sign-in";
import { signInSchema } from "@/lib/schemas/decisions";

declare module "next-auth" {
  interface Session {
    /** The UserSession row this cookie names. */
    sid?: string;
  }
  interface User {
    sid?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

/** Why a sign-in was refused, carried to the sign-in form as the error's code. */
export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // The database row enforces idle and absolute limits; the cookie never outlives the absolute one.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        try {
          const { sessionId, user } = await signInWithPassword(db(), parsed.data.email, parsed.data.password, clientContext(request.headers));
          return { id: user.id, email: user.email, name: user.name, sid: sessionId };
        } catch (error) {
          if (error instanceof ThrottledError) throw new SignInRefused(`throttled-${error.retryAt.getTime()}`);
          if (error instanceof SignInUnavailableError) {
            console.error("Sign-in could not be checked", error.cause);
            throw new SignInRefused("unavailable");
          }
          throw new CredentialsSignin();
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sid) token.sid = user.sid;
      return token;
    },
    session({ session, token }) {
      session.sid = token.sid;
      return session;
    },
  },
  events: {
    // Covers a sign-out through Auth.js's own endpoint as well as the portal's button.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await endSession(db(), sid);
    },
  },
  logger: {
    // A refused password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
