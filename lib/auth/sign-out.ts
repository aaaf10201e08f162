import { getEnv } from "@/lib/env";

let cached: { issuer: string; endSession: string | null } | undefined;

/** The identity provider's end_session_endpoint, from its discovery document (cached). */
export async function discoverEndSessionEndpoint(): Promise<string | null> {
  const { issuer } = getEnv().auth.okta;
  if (cached?.issuer === issuer) return cached.endSession;
  const response = await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = (await response.json()) as { end_session_endpoint?: unknown };
  const endSession = typeof document.end_session_endpoint === "string" ? document.end_session_endpoint : null;
  cached = { issuer, endSession };
  return endSession;
}

/**
 * Where to send the browser after the portal's session is cleared: the IdP's end-session
 * endpoint (RP-initiated logout), which ends the Okta session too and comes back to /signed-out.
 * Without an ID token or an endpoint, straight to /signed-out with a note.
 */
export async function buildSignOutRedirect(idToken: string | undefined): Promise<string> {
  const { url, okta } = getEnv().auth;
  const back = `${url}/signed-out`;
  if (!idToken) return back;
  try {
    const endSession = await discoverEndSessionEndpoint();
    if (!endSession) return `${back}?idp=kept`;
    const target = new URL(endSession);
    target.searchParams.set("id_token_hint", idToken);
    target.searchParams.set("post_logout_redirect_uri", back);
    target.searchParams.set("client_id", okta.clientId);
    return target.toString();
  } catch {
    return `${back}?idp=kept`;
  }
}
