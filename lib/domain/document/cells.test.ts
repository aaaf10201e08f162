import { describe, expect, it } from "vitest";
import {
  applicationFromDomain,
  matchOption,
  parseAsns,
  parseMinutes,
  parseNodeSize,
  parseNumber,
  parsePortRange,
  parseSeconds,
  parseYesNo,
  splitList,
} from "@/lib/domain/document/cells";
import { seconds } from "@/lib/domain/document/cell-formats";
import { regionOptions } from "@/lib/domain/spec/kinds";

describe("cell readers", () => {
  it("splits lists written with points, line breaks and commas", () => {
    expect(splitList("● 10.0.0.0/24<br>● 10.1.0.0/24")).toEqual(["10.0.0.0/24", "10.1.0.0/24"]);
    expect(splitList("DEV, TEST;PROD\nDR")).toEqual(["DEV", "TEST", "PROD", "DR"]);
    expect(splitList("  ")).toEqual([]);
  });

  it("reads port ranges, single ports and Any; refuses words", () => {
    expect(parsePortRange("8091-8092")).toEqual({ from: 8091, to: 8092 });
    expect(parsePortRange("443")).toEqual({ from: 443, to: 443 });
    expect(parsePortRange("8081 to 8082")).toEqual({ from: 8081, to: 8082 });
    expect(parsePortRange("Any")).toEqual({ from: 1, to: 65535 });
    expect(parsePortRange("TBD")).toBeNull();
  });

  it("reads durations in minutes", () => {
    expect(parseMinutes("15 min")).toBe(15);
    expect(parseMinutes("1 h")).toBe(60);
    expect(parseMinutes("4 hours")).toBe(240);
    expect(parseMinutes("24h")).toBe(1440);
    expect(parseMinutes("0")).toBe(0);
    expect(parseMinutes("1 day")).toBe(1440);
    expect(parseMinutes("30 s")).toBe(1);
    expect(parseMinutes("soon")).toBeNull();
  });

  it("reads durations in seconds, a bare number being seconds", () => {
    expect(parseSeconds("7 days")).toBe(604800);
    expect(parseSeconds("7 d")).toBe(604800);
    expect(parseSeconds("2 weeks")).toBe(1209600);
    expect(parseSeconds("12 h")).toBe(43200);
    expect(parseSeconds("2 min")).toBe(120);
    expect(parseSeconds("2 minutes (default)")).toBe(120);
    expect(parseSeconds("120 s")).toBe(120);
    expect(parseSeconds("120,000 ms")).toBe(120);
    expect(parseSeconds("604800")).toBe(604800);
    expect(parseSeconds("soon")).toBeNull();
  });

  it("writes seconds in the largest whole unit, and reads them back", () => {
    const gaps: string[] = [];
    for (const value of [604800, 43200, 120, 90, 1]) {
      const written = seconds.write!(value);
      expect(seconds.read!(written, (reason) => gaps.push(reason))).toBe(value);
    }
    expect([seconds.write!(604800), seconds.write!(3600), seconds.write!(120), seconds.write!(90)]).toEqual([
      "7 d",
      "1 h",
      "2 min",
      "90 s",
    ]);
    expect(seconds.read!("TBD", (reason) => gaps.push(reason))).toBeUndefined();
    expect(gaps).toEqual(["placeholder"]);
  });

  it("reads a node size as CPU cores and GiB of memory", () => {
    expect(parseNodeSize("4 CPU / 15 GiB")).toEqual({ cpu: 4, memory: 15 });
    expect(parseNodeSize("4 vCPU, 16 GB RAM")).toEqual({ cpu: 4, memory: 16 });
    expect(parseNodeSize("2 cores")).toEqual({ cpu: 2, memory: null });
    expect(parseNodeSize("32Gi")).toEqual({ cpu: null, memory: 32 });
    expect(parseNodeSize("8 / 32")).toEqual({ cpu: 8, memory: 32 });
    expect(parseNodeSize("large")).toEqual({ cpu: null, memory: null });
  });

  it("reads ASNs, labelled or in order", () => {
    expect(parseAsns("Local: 64512, Remote: 65010")).toEqual({ local: 64512, remote: 65010 });
    expect(parseAsns("Remote 65010")).toEqual({ local: null, remote: 65010 });
    expect(parseAsns("64512 / 65010")).toEqual({ local: 64512, remote: 65010 });
  });

  it("reads yes/no and numbers", () => {
    expect([parseYesNo("Yes"), parseYesNo("no"), parseYesNo("✓"), parseYesNo("maybe")]).toEqual([
      true,
      false,
      true,
      null,
    ]);
    expect([parseNumber("1,000"), parseNumber("0.2 vCore"), parseNumber("2x"), parseNumber("none")]).toEqual([
      1000,
      0.2,
      2,
      null,
    ]);
  });

  it("matches options by value, label, first word and synonyms", () => {
    expect(matchOption("eu-central-1", regionOptions)).toBe("eu-central-1");
    expect(matchOption("EU (Frankfurt)", regionOptions)).toBe("eu-central-1");
    const layer = [
      { value: "experience", label: "Experience" },
      { value: "process", label: "Process" },
    ];
    expect(matchOption("Experience API", layer)).toBe("experience");
    expect(matchOption("prc", layer, { prc: "process" })).toBe("process");
    expect(matchOption("Mars", layer)).toBeNull();
  });

  it("takes the application name from a CloudHub domain's host", () => {
    expect(applicationFromDomain("hl-exp-tracking-api-v1.de-c1.cloudhub.io")).toBe("hl-exp-tracking-api-v1");
    expect(applicationFromDomain("https://Orders-API.cloudhub.io/api")).toBe("orders-api");
    expect(applicationFromDomain("orders-api")).toBe("orders-api");
  });
});
