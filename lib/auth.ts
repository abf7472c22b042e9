// Auth.js: email and password sign-in, JWT sessions carrying the user's id and role.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { verifyPassword, hashPassword } from "@/lib/passwords";
import { signInSchema } from "@/lib/schemas/decisions";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
  }
}

// Verifying against a real hash when the email is unknown keeps response times
// alike, so timing doesn't reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await db().user.findUnique({ where: { email: parsed.data.email } });
        decoyHash ??= hashPassword("decoy-password-for-timing");
        const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), parsed.data.password);
        if (!user || !ok || user.disabledAt) throw new CredentialsSignin();
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user.id = token.uid;
        session.user.role = token.role;
      }
      return session;
    },
  },
});
