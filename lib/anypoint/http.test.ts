import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createAnypointHttp } from "@/lib/anypoint/http";

describe("the Anypoint HTTP layer", () => {
  it("keeps at most `concurrency` requests in flight to each service, and the services apart", async () => {
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    let total = 0;
    let peakTotal = 0;
    const fakeFetch = (async (input: string | URL | Request) => {
      const service = new URL(String(input)).pathname.split("/")[1]!;
      inFlight.set(service, (inFlight.get(service) ?? 0) + 1);
      peak.set(service, Math.max(peak.get(service) ?? 0, inFlight.get(service)!));
      peakTotal = Math.max(peakTotal, ++total);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.set(service, inFlight.get(service)! - 1);
      total -= 1;
      return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
    }) as typeof fetch;
    const http = createAnypointHttp({ baseUrl: "http://anypoint.test", fetch: fakeFetch, concurrency: 3 });
    const get = (path: string) => http.request({ path, schema: z.looseObject({}) });
    await Promise.all([
      ...Array.from({ length: 12 }, (_, i) => get(`/apimanager/api/v1/apis/${i}/policies`)),
      ...Array.from({ length: 12 }, (_, i) => get(`/amc/application-manager/api/v2/deployments/${i}`)),
    ]);
    expect(Object.fromEntries(peak)).toEqual({ apimanager: 3, amc: 3 });
    // One service's queue does not hold the other's back.
    expect(peakTotal).toBe(6);
    expect(http.stats.requests).toBe(24);
  });
});
