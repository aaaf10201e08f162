import Link from "next/link";

export const metadata = { title: "Signed out" };

export default async function SignedOutPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { idp } = await searchParams;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center p-6">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">You are signed out</h1>
        <p className="mt-2 text-sm text-slate-700">
          {idp === "kept"
            ? "You are signed out of the portal, but your Okta session could not be ended: sign out of Okta too on a shared computer."
            : "You are signed out of the portal and of Okta."}
        </p>
        <Link
          href="/sign-in"
          className="mt-6 inline-block rounded-md bg-brand-900 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Sign in again
        </Link>
      </div>
    </main>
  );
}
