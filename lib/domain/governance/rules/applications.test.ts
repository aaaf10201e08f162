import { describe, expect, it } from "vitest";
import { buildContext } from "@/lib/domain/governance/engine";
import { applicationIndex } from "@/lib/domain/governance/rules/applications";
import { evaluationInput, liveResource, specEntry } from "@/lib/testing/governance";

const dev = specEntry("environment", { name: "DEV" }, "env-dev");
const prod = specEntry("environment", { name: "PROD" }, "env-prod");
const orders = specEntry("application", { name: "orders", environments: ["env-dev", "env-prod"] });
const payments = specEntry("application", { name: "Payments-Dev" });
const live = [
  liveResource("application", "orders", {
    environment: "PROD",
    attributes: { platform: "cloudhub-1", workers: 2, workerVCores: 0.2, runtimeVersion: "4.6.9" },
  }),
  liveResource("application", "orders-dev", {
    environment: "Dev",
    attributes: { platform: "cloudhub-2", replicas: 3, replicaVCores: 0.5, persistentQueues: true },
  }),
  liveResource("application", "orders-test", { environment: "TEST" }),
  liveResource("application", "orders-dev", { environment: "TEST" }),
  liveResource("application", "payments-dev", { environment: "DEV" }),
  liveResource("application", "Billing", { environment: "PROD" }),
];
const index = applicationIndex(buildContext(evaluationInput({ spec: [dev, prod, orders, payments], live })));
const deployment = (i: number) => index.deployed[i]!;

describe("applicationIndex", () => {
  it("matches a live application by its name, or its name less its environment's suffix, case-insensitively", () => {
    expect(index.deployed.map((d) => [d.app.name, d.environment, d.planned?.title ?? null, d.planHere])).toEqual([
      ["orders", "prod", "orders", true],
      ["orders-dev", "dev", "orders", true],
      // Its own environment's suffix, but orders is not planned in TEST.
      ["orders-test", "test", "orders", false],
      // "-dev" is not TEST's suffix.
      ["orders-dev", "test", null, false],
      // A planned name of its own wins over a suffix; planned without environments, it is planned anywhere.
      ["payments-dev", "dev", "Payments-Dev", true],
      ["Billing", "prod", null, false],
    ]);
  });

  it("gives every planned environment its live applications, and all of them without one", () => {
    expect(index.planned.map((p) => [p.entry.title, p.environment, p.live.map((d) => d.app.externalId)])).toEqual([
      ["orders", "DEV", [deployment(1).app.externalId]],
      ["orders", "PROD", [deployment(0).app.externalId]],
      ["Payments-Dev", null, [deployment(4).app.externalId]],
    ]);
    expect(index.liveFor(orders, null)).toHaveLength(3);
    expect(index.liveFor(orders, "prod").map((d) => d.app.name)).toEqual(["orders"]);
    expect(index.liveFor(specEntry("application", { name: "unknown" }), null)).toEqual([]);
  });

  it("reads workers and replicas alike, and the runtime, once", () => {
    expect(deployment(0)).toMatchObject({
      cloudhub1: true,
      units: 2,
      unitVCores: 0.2,
      runtimeVersion: "4.6.9",
      persistentQueues: false,
    });
    expect(deployment(1)).toMatchObject({ cloudhub1: false, units: 3, unitVCores: 0.5, persistentQueues: true });
    expect(deployment(2)).toMatchObject({ units: null, unitVCores: null, runtimeVersion: null });
  });

  it("knows the live names, and the plan of an API's application name", () => {
    expect(["orders", "orders-dev", "billing", "payments-dev", "payments", "orders-prod"].map(index.isLive)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(index.plannedFor({ name: "ORDERS-PROD", environment: "Prod" })?.title).toBe("orders");
    expect(index.plannedFor({ name: "billing", environment: "PROD" })).toBeUndefined();
  });
});
