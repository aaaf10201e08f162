import { randomBytes } from "node:crypto";
import http from "node:http";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { authenticateDemoAccount, findDemoAccount } from "@/lib/auth/local-idp/demo-accounts";

/** How the local identity provider is set up: where it listens and which portal URLs it serves. */
export type LocalIdpOptions = {
  port: number;
  host?: string;
  /** Issuer URL as browsers and the portal reach it, e.g. http://localhost:3001 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Base URLs of the portal(s) allowed to sign in, e.g. http://localhost:3000 */
  appUrls: string[];
};

export type LocalIdp = { issuer: string; close(): Promise<void> };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;background:#f1f5f9;color:#0f172a;display:flex;justify-content:center;padding:4rem 1rem;margin:0}
main{background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:2rem;width:100%;max-width:22rem}
h1{font-size:1.25rem;margin:0 0 .25rem} p{font-size:.875rem;color:#334155}
label{display:block;font-size:.875rem;font-weight:600;margin-top:1rem}
input{width:100%;box-sizing:border-box;padding:.5rem;margin-top:.25rem;border:1px solid #64748b;border-radius:.375rem;font-size:1rem}
button{margin-top:1.5rem;width:100%;padding:.6rem;background:#062a4f;color:#fff;border:0;border-radius:.375rem;font-size:1rem;cursor:pointer}
.error{color:#991b1b;background:#fef2f2;border:1px solid #fecaca;padding:.5rem;border-radius:.375rem}
</style></head><body><main>${body}</main></body></html>`;
}

function loginPage(uid: string, username: string, error?: string): string {
  return page(
    "Sign in · Local identity provider",
    `<h1>Local identity provider</h1><p>Stands in for Okta in demo mode and tests.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="off">
<label for="username">Username</label><input id="username" name="username" value="${escapeHtml(username)}" required autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function configuration(options: LocalIdpOptions): Configuration {
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.appUrls.map((url) => `${url}/api/auth/callback/okta`),
        post_logout_redirect_uris: options.appUrls.map((url) => `${url}/signed-out`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    scopes: ["openid", "profile", "email", "groups"],
    claims: {
      openid: ["sub"],
      profile: ["name", "preferred_username"],
      email: ["email", "email_verified"],
      groups: ["groups"],
    },
    // Put the scope's claims in the ID token, as Okta does; otherwise it carries only `sub`.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const account = findDemoAccount(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            name: account.name,
            preferred_username: account.username,
            email: account.email,
            email_verified: true,
            groups: account.groups,
          };
        },
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party client: consent is implied, so the user sees no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existingId = session.grantIdFor(client.clientId);
      const existing = existingId ? await ctx.oidc.provider.Grant.find(existingId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email groups");
      await grant.save();
      return grant;
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // RP-initiated logout: end the session without a confirmation page.
        async logoutSource(ctx, form) {
          ctx.body = page(
            "Signing out",
            `<p>Signing out…</p>${form}<noscript><button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button></noscript>
<script>(function(){var f=document.getElementById("op.logoutForm");var i=document.createElement("input");i.type="hidden";i.name="logout";i.value="yes";f.appendChild(i);f.submit();})();</script>`,
          );
        },
      },
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    ttl: {
      Session: 8 * 3600,
      Interaction: 3600,
      Grant: 8 * 3600,
      AccessToken: 3600,
      IdToken: 3600,
      AuthorizationCode: 300,
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page(
        "Error",
        `<h1>Sign-in error</h1><p>${escapeHtml(String(out.error_description ?? out.error))}</p>`,
      );
    },
  };
}

/** Starts the local OpenID provider. Never used in production mode. */
export async function startLocalIdp(options: LocalIdpOptions): Promise<LocalIdp> {
  const provider = new Provider(options.issuer, configuration(options));
  const oidc = provider.callback();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", options.issuer);
    const match = /^\/interaction\/([^/]+)(\/login)?$/.exec(url.pathname);
    if (!match) return oidc(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.uid !== match[1]) throw new Error("interaction mismatch");
      if (details.prompt.name !== "login") {
        // Consent is implied for the portal (see loadExistingGrant).
        await provider.interactionFinished(req, res, { consent: {} }, { mergeWithLastSubmission: true });
        return;
      }
      if (req.method === "POST" && match[2]) {
        const form = await readForm(req);
        const username = form.get("username") ?? "";
        const account = authenticateDemoAccount(username, form.get("password") ?? "");
        if (!account) {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
          res.end(loginPage(details.uid, username, "Wrong username or password."));
          return;
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: account.username } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(loginPage(details.uid, ""));
    } catch (error) {
      res.writeHead(400, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        page(
          "Error",
          `<h1>Sign-in error</h1><p>${escapeHtml((error as Error).message)}. Start again from the portal.</p>`,
        ),
      );
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  return {
    issuer: options.issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
