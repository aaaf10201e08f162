// Reading the runtimes beyond CloudHub against the simulator with the demo estate: Runtime Fabric,
// on-premise servers, clusters and server groups, Anypoint MQ and Object Store v2, with their
// paging, envelopes and headers, and a failure of one of their APIs leaving the rest of the read intact.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnypointClient, objectStoreLocation } from "@/lib/anypoint/client";
import { readEstate } from "@/lib/anypoint/collect";
import { mapEstate } from "@/lib/anypoint/mapper";
import { createSimulator, type Simulator } from "@/lib/anypoint/simulator/server";
import { countByKind, type LiveResource } from "@/lib/domain/live/snapshot";
import { northwindCredentials, northwindEstate } from "@/lib/fixtures/northwind/estate";
import { buildObjectStore, buildQueue } from "@/lib/fixtures/wire/hybrid";

describe("reading the runtimes beyond CloudHub", () => {
  let simulator: Simulator;
  let baseUrl: string;
  const client = () => createAnypointClient({ baseUrl, ...northwindCredentials, sleep: async () => {} });
  const read = async () => mapEstate(await readEstate(client()));
  const find = (resources: LiveResource[], kind: string, name: string) =>
    resources.find((r) => r.kind === kind && r.name === name);

  beforeAll(async () => {
    simulator = createSimulator({ estate: northwindEstate() });
    baseUrl = await simulator.listen();
  });
  afterAll(() => simulator.close());
  afterEach(() => {
    expect(simulator.requests.filter((r) => !r.handled).map((r) => r.path)).toEqual([]);
    simulator.resetRequests();
    simulator.setFaults([]);
    simulator.setEstate(northwindEstate());
  });

  it("reads a fabric's nodes, capacity and environments, and never keeps its activation data", async () => {
    const resources = await read();
    expect(find(resources, "runtime-fabric", "nwf-rtf-prod")).toMatchObject({
      businessGroup: "Logistics",
      attributes: {
        region: "eu-central-1",
        version: "2.6.10",
        availableUpgradeVersion: "2.7.1",
        controllers: 1,
        workers: 2,
        nodesNotReady: [],
        environments: ["PROD"],
        workerCpuMillis: 8000,
        workerCpuMillisRequested: 5000,
      },
    });
    expect(JSON.stringify(resources)).not.toContain("rtf-activation-secret");
  });

  it("reads on-premise servers, clusters, server groups and the applications on them, with the org and environment headers", async () => {
    const resources = await read();
    expect(find(resources, "mule-cluster", "nwf-onprem-cluster-prod")).toMatchObject({
      environment: "PROD",
      attributes: {
        multicast: false,
        nodes: 2,
        runningNodes: 1,
        nodesDown: ["nwf-onprem-02"],
        runtimeVersions: ["4.6.4"],
      },
    });
    expect(find(resources, "server-group", "nwf-onprem-group-test")).toMatchObject({
      environment: "TEST",
      attributes: { servers: 2, runningServers: 2 },
    });
    expect(find(resources, "mule-server", "nwf-onprem-01")).toMatchObject({
      attributes: {
        status: "RUNNING",
        runtimeVersion: "4.6.4",
        host: "10.60.1.11",
        cluster: "nwf-onprem-cluster-prod",
      },
    });
    expect(find(resources, "application", "nwf-sys-wms-api-v1")).toMatchObject({
      externalId: "hybrid:1234567",
      environment: "PROD",
      attributes: { platform: "cluster", target: "nwf-onprem-cluster-prod", status: "STARTED" },
    });
    const hybrid = simulator.requests.filter((r) => r.path.startsWith("/hybrid/"));
    expect(hybrid.length).toBeGreaterThan(0);
    for (const request of hybrid) {
      expect(request.headers["x-anypnt-org-id"]).toBeTruthy();
      expect(request.headers["x-anypnt-env-id"]).toBeTruthy();
    }
  });

  it("reads MQ destinations per region page by page, and Object Store stores by page token", async () => {
    const estate = northwindEstate();
    const [key] = Object.keys(estate.mqDestinations!);
    const [storeKey] = Object.keys(estate.objectStores!);
    // More than the admin API's page of 20, and more than one page of stores.
    const queues = Array.from({ length: 45 }, (_, i) =>
      buildQueue({ queueId: `nwf-bulk-${i}-q`, deadLetterQueueId: "nwf-orders-dlq" }),
    );
    const stores = Array.from({ length: 130 }, (_, i) => buildObjectStore(`nwf-store-${i}`));
    simulator.setEstate({
      ...estate,
      mqDestinations: { [key!]: [...estate.mqDestinations![key!]!, ...queues] },
      objectStores: { [storeKey!]: stores },
    });
    const resources = await read();
    const counts = countByKind(resources);
    expect(counts["mq-destination"]).toBe(4 + 45);
    expect(counts["object-store"]).toBe(130);
    expect(find(resources, "mq-destination", "nwf-shipments-q")?.attributes).toMatchObject({
      type: "queue",
      deadLetterQueue: "",
      maxDeliveries: null,
    });
    expect(find(resources, "mq-destination", "nwf-events-x")?.attributes).toMatchObject({
      type: "exchange",
      deadLetterQueue: null,
    });
    expect(find(resources, "object-store", "nwf-store-0")?.attributes).toMatchObject({
      region: "eu-central-1",
      encrypted: false,
    });
    const storePages = simulator.requests.filter((r) => r.path.endsWith("/stores"));
    expect(storePages.filter((r) => r.query.nextPageToken).length).toBeGreaterThan(0);
    const destinations = simulator.requests.filter((r) => r.path.endsWith("/destinations"));
    expect(destinations.every((r) => r.query.inclusion === "all")).toBe(true);
  });

  it("a 403 on the MQ API leaves out only the destinations, and says so", async () => {
    simulator.setFaults([{ kind: "status", match: "^/mq/", status: 403 }]);
    const estate = await readEstate(client());
    const resources = mapEstate(estate);
    expect(countByKind(resources)["mq-destination"]).toBe(0);
    expect(find(resources, "runtime-fabric", "nwf-rtf-prod")).toBeDefined();
    expect(find(resources, "object-store", "nwf-tracking-os")).toBeDefined();
    expect(estate.scopes.length).toBeGreaterThan(0);
    expect(estate.scopes.every((s) => s.kinds.join() === "mq-destination")).toBe(true);
    expect(estate.warnings[0]).toMatch(
      /^Not read: MQ destinations \(business group .*, environment .*\): GET \/mq\/.* answered 403/,
    );
  });

  it("asks Object Store on its regional host on MuleSoft's control planes, under the base URL elsewhere", () => {
    expect(objectStoreLocation("https://anypoint.mulesoft.com", "us-east-1")).toEqual({
      origin: "https://object-store-us-east-1.anypoint.mulesoft.com",
      prefix: "",
    });
    expect(objectStoreLocation("http://127.0.0.1:3472/", "eu-central-1")).toEqual({
      origin: "http://127.0.0.1:3472",
      prefix: "/object-store/eu-central-1",
    });
  });
});
