import { NextResponse, type NextRequest } from "next/server";
import { readSessionClaims } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

// Pages anyone may see; everything else needs a session. The proxy only redirects early:
// every page and service checks the actor again (DESIGN.md section 3).
const PUBLIC_PAGES = ["/sign-in", "/signed-out"];

function contentSecurityPolicy(nonce: string): string {
  const { okta, secureCookies } = getEnv().auth;
  const dev = getEnv().nodeEnv === "development";
  return [
    "default-src 'self'",
    // Next's scripts carry the nonce; 'strict-dynamic' lets them load their chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The diagram layout runs in a web worker served from our own origin.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in and sign-out forms redirect to the identity provider.
    `form-action 'self' ${new URL(okta.issuer).origin}`,
    "frame-ancestors 'none'",
    ...(secureCookies ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PUBLIC_PAGES.includes(pathname) && !(await readSessionClaims(request.headers))?.sub) {
    const signIn = new URL("/sign-in", getEnv().auth.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  // Next reads the nonce from the request's CSP header and puts it on its own scripts.
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes answer 401 themselves, static files need neither check nor nonce.
  matcher: [
    {
      source: "/((?!api/|sign-out|_next/static|_next/image|favicon.ico|robots.txt).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
