import "server-only";
import NextAuth from "next-auth";
import Okta from "next-auth/providers/okta";
import { recordSignIn } from "@/lib/auth/sign-in-events";
import { getDatabase } from "@/lib/db/connection";
import { getEnv } from "@/lib/env";

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Auth.js with Okta over OpenID Connect and JWT sessions. The session keeps the user's Okta
 * groups (the role is computed from them on each request, so a changed mapping applies at once)
 * and the ID token, which RP-initiated logout needs.
 */
export const { handlers } = NextAuth(() => {
  const { auth } = getEnv();
  return {
    providers: [
      Okta({
        clientId: auth.okta.clientId,
        clientSecret: auth.okta.clientSecret,
        issuer: auth.okta.issuer,
        authorization: { params: { scope: "openid profile email groups" } },
      }),
    ],
    secret: auth.secret,
    trustHost: true,
    // The cookie names follow from this (authjs.session-token, with __Secure- over https), and
    // lib/auth/actor.ts reads the same cookie.
    useSecureCookies: auth.secureCookies,
    session: { strategy: "jwt", maxAge: auth.sessionMaxAgeSeconds },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      jwt({ token, account, profile }) {
        if (account && profile) {
          // Auth.js without a database adapter invents a user id; the actor must be Okta's subject.
          if (profile.sub) token.sub = profile.sub;
          token.groups = stringList(profile.groups);
          token.idToken = account.id_token;
          token.name =
            (profile.name as string | undefined) ?? (profile.preferred_username as string | undefined) ?? token.name;
        }
        return token;
      },
    },
    events: {
      async signIn({ profile }) {
        if (!profile?.sub) return;
        await recordSignIn(
          await getDatabase(),
          {
            subject: profile.sub,
            name: (profile.name as string | undefined) ?? profile.email ?? profile.sub,
            email: profile.email ?? null,
            groups: stringList(profile.groups),
          },
          new Date(),
        );
      },
    },
  };
});
