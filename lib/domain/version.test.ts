import fs from "node:fs";
import { expect, it } from "vitest";
import { agpVersion } from "@/lib/domain/version";

it("is the version package.json says", () => {
  expect(agpVersion).toBe((JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string }).version);
});
