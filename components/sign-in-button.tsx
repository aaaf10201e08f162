"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export type SignInButtonProps = { callbackUrl: string };

/** Starts the OpenID Connect flow with Okta (Auth.js posts with its CSRF token). */
export function SignInButton({ callbackUrl }: SignInButtonProps) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn("okta", { redirectTo: callbackUrl });
      }}
      className="w-full rounded-md bg-brand-900 px-4 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-70"
    >
      {pending ? "Redirecting to Okta…" : "Sign in with Okta"}
    </button>
  );
}
