// Runs the local OpenID provider on its own, as Okta's stand-in for e2e tests (Playwright's
// webServer) or for a portal started in production mode against it.
// Usage: tsx scripts/local-idp.ts --port 3101 --app-url http://localhost:3100 [--app-url …]
import { parseArgs } from "node:util";
import { startLocalIdp } from "@/lib/auth/local-idp/server";
import { DEMO_AUTH } from "@/lib/env";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: String(DEMO_AUTH.idpPort) },
    "app-url": { type: "string", multiple: true, default: ["http://localhost:3000"] },
  },
});
const port = Number(values.port);
const issuer = `http://localhost:${port}`;
const idp = await startLocalIdp({
  port,
  issuer,
  clientId: DEMO_AUTH.clientId,
  clientSecret: DEMO_AUTH.clientSecret,
  appUrls: values["app-url"].map((url) => url.replace(/\/+$/, "")),
});
console.log(`local identity provider: ${idp.issuer} (for ${values["app-url"].join(", ")})`);
process.on("SIGTERM", () => void idp.close().then(() => process.exit(0)));
process.on("SIGINT", () => void idp.close().then(() => process.exit(0)));
