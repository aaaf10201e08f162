import { createAnypointClient, type AnypointClientOptions } from "@/lib/anypoint/client";
import type { ConnectionRow } from "@/lib/db/live-repository";
import { getEnv } from "@/lib/env";
import { openSecret } from "@/lib/services/secret-box";

/** An Anypoint client on a stored connection, its secret opened with AGP_SECRET_KEY. */
export function clientFor(
  row: Pick<ConnectionRow, "baseUrl" | "clientId" | "clientSecretEncrypted">,
  extra: Partial<AnypointClientOptions> = {},
) {
  return createAnypointClient({
    baseUrl: row.baseUrl,
    clientId: row.clientId,
    clientSecret: openSecret(row.clientSecretEncrypted, getEnv().secretKey),
    ...extra,
  });
}
