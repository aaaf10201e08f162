import { createAnypointClient, type AnypointClientOptions } from "@/lib/anypoint/client";
import { createGuardedFetch, type OutboundPolicy } from "@/lib/anypoint/outbound";
import type { ConnectionRow } from "@/lib/db/live-repository";
import { getEnv } from "@/lib/env";
import { openSecret } from "@/lib/services/secret-box";

/** Where this installation's Anypoint calls may go (AGP_MODE, AGP_ANYPOINT_ALLOWED_HOSTS). */
export function outboundPolicy(): OutboundPolicy {
  return getEnv().outbound;
}

/** An Anypoint client on a stored connection, its secret opened with AGP_SECRET_KEY, its calls guarded. */
export function clientFor(
  row: Pick<ConnectionRow, "baseUrl" | "clientId" | "clientSecretEncrypted">,
  extra: Omit<Partial<AnypointClientOptions>, "fetch"> = {},
) {
  return createAnypointClient({
    baseUrl: row.baseUrl,
    clientId: row.clientId,
    clientSecret: openSecret(row.clientSecretEncrypted, getEnv().secretKey),
    ...extra,
    // Last, so that no caller sends a stored connection's calls around the guard.
    fetch: createGuardedFetch(outboundPolicy()),
  });
}
