import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInButton } from "@/components/sign-in-button";
import { demoAccounts } from "@/lib/auth/local-idp/demo-accounts";
import { readSessionClaims } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

const errors: Record<string, string> = {
  AccessDenied: "Okta did not let you in. Ask your Okta administrator for access to the portal.",
  Configuration: "Sign-in is not configured correctly. Ask the portal's administrator to check the Okta settings.",
  OAuthCallbackError: "Okta sent you back without completing the sign-in. Try again.",
};

/** Only local paths: a crafted link must not turn sign-in into a redirect to another site. */
function safeCallback(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if ((await readSessionClaims(await headers()))?.sub) redirect(callbackUrl);
  const error = typeof params.error === "string" ? (errors[params.error] ?? "Sign-in failed. Try again.") : null;
  const env = getEnv();

  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 p-6">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Anypoint Governance Portal</h1>
        <p className="mt-1 mb-6 text-sm text-slate-600">Sign in with your organisation&apos;s Okta account.</p>
        {error ? (
          <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <SignInButton callbackUrl={callbackUrl} />
      </div>
      {env.auth.demoIdp ? (
        <section aria-labelledby="demo-accounts" className="rounded-lg border border-amber-300 bg-amber-50 p-5 text-sm">
          <h2 id="demo-accounts" className="mb-2 font-semibold text-amber-950">
            Demo accounts
          </h2>
          <p className="mb-3 text-amber-950">Demo mode signs in at a local identity provider with these accounts.</p>
          <table className="w-full text-left">
            <thead>
              <tr className="text-amber-950">
                <th className="py-1 pr-2 font-medium">Username</th>
                <th className="py-1 pr-2 font-medium">Password</th>
                <th className="py-1 font-medium">Role</th>
              </tr>
            </thead>
            <tbody>
              {demoAccounts.map((account) => (
                <tr key={account.username}>
                  <td className="py-0.5 pr-2 font-mono">{account.username}</td>
                  <td className="py-0.5 pr-2 font-mono">{account.password}</td>
                  <td className="py-0.5">{account.role}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}
