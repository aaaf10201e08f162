// Serves an estate file in the wire shapes of the Anypoint Platform APIs, so that the portal (or
// `agp sync`) can point a connection at http://127.0.0.1:<port> instead of anypoint.mulesoft.com.
// Usage: npm run simulator -- --estate <file.json | demo> [--port 3002] [--latency 20]
//        npm run simulator -- --write-estate <file.json>   (writes the demo estate, to edit)
// Faults: POST /_simulator/faults with a JSON array, e.g.
//        [{"kind":"rate-limit","match":"/vpcs$","retryAfterSeconds":2,"times":3}]
import fs from "node:fs";
import { parseArgs } from "node:util";
import { northwindCredentials, northwindEstate } from "@/lib/fixtures/northwind/estate";
import { createSimulator } from "@/lib/anypoint/simulator/server";

const { values } = parseArgs({
  options: {
    estate: { type: "string", default: "demo" },
    port: { type: "string", default: "3002" },
    host: { type: "string", default: "127.0.0.1" },
    latency: { type: "string", default: "0" },
    "write-estate": { type: "string" },
  },
});

if (values["write-estate"]) {
  fs.writeFileSync(values["write-estate"], JSON.stringify(northwindEstate(), null, 2) + "\n");
  console.log(`wrote the demo estate to ${values["write-estate"]}`);
  process.exit(0);
}

let estate: unknown;
try {
  estate = values.estate === "demo" ? northwindEstate() : JSON.parse(fs.readFileSync(values.estate, "utf8"));
} catch (error) {
  console.error(`cannot read the estate file ${values.estate}: ${(error as Error).message}`);
  process.exit(1);
}

let simulator: ReturnType<typeof createSimulator>;
try {
  simulator = createSimulator({ estate, latencyMs: Number(values.latency) });
} catch (error) {
  console.error(`the estate file ${values.estate} is not an estate: ${(error as Error).message}`);
  process.exit(1);
}
const url = await simulator.listen(Number(values.port), values.host);
console.log(`Anypoint simulator: ${url} (estate: ${values.estate})`);
if (values.estate === "demo") {
  console.log(
    `connected app: client id ${northwindCredentials.clientId}, client secret ${northwindCredentials.clientSecret}`,
  );
}
const stop = () => void simulator.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
