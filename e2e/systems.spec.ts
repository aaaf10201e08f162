import { baseURL } from "../playwright.config";
import { expect, expectAccessible, signIn, test } from "./fixtures";

const ws = "systems-e2e";
// The template's Key Systems table and its appendix's catalog, one row per environment of Epic.
const document = [
  "# 1. Business and Solution Context",
  "",
  "## 1.2 Key Systems",
  "",
  "| System | Description | Deployment Model | Key integration concerns |",
  "|---|---|---|---|",
  "| Epic EHR | Electronic health record | On-premise | HL7 v2 feeds; nightly downtime |",
  "",
  "# 10. Appendix",
  "",
  "## 10.1 Backend Systems Catalog",
  "",
  "| System name | Location | Access Protocol | Host | Access |",
  "|---|---|---|---|---|",
  "| Epic EHR - production | Hospital data centre | HL7 over MLLP | epic.hospital.example | via VPN |",
  "| Epic EHR - test | Cloud test site | HL7 over MLLP | epic-tst.hospital.example | via VPN |",
  "",
].join("\n");

test("a system named in two tables and per environment is one record, its test host shown and edited", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (
      await page.request.post("/api/v1/workspaces", { headers: { origin: baseURL }, data: { name: "Systems E2E" } })
    ).status(),
  ).toBe(201);
  await page.goto(`/w/${ws}/specification/import`);
  await page
    .getByLabel("Specification document")
    .setInputFiles({ name: "hospital.md", mimeType: "text/markdown", buffer: Buffer.from(document) });
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("Epic EHR - test");
  await preview.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toContainText("1 records created");

  await page.goto(`/w/${ws}/specification/system`);
  const row = page.getByRole("row", { name: /Epic EHR/ });
  await expect(page.getByRole("row", { name: /Epic EHR/ })).toHaveCount(1);
  await expect(row).toContainText("epic.hospital.example");
  await expect(row).toContainText("TEST: epic-tst.hospital.example");
  await expect(row).toContainText("TEST: Cloud test site");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Edit Epic EHR" }).click();
  const host = page.getByLabel("Host in TEST");
  await expect(host).toHaveValue("epic-tst.hospital.example");
  await host.fill("epic-test.hospital.example");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText('Saved "Epic EHR" (version 2).');
  await expect(row).toContainText("TEST: epic-test.hospital.example");
});

test("the preview asks whether two close names of different tables are one system, and merges on the answer", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const close = document
    .replace("| Epic EHR | Electronic health record |", "| Epic | Electronic health record |")
    .replace("| Epic EHR - production |", "| Epic EHR |")
    .replace(/\| Epic EHR - test .*\n/, "");
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (
      await page.request.post("/api/v1/workspaces", { headers: { origin: baseURL }, data: { name: "Same E2E" } })
    ).status(),
  ).toBe(201);
  await page.goto("/w/same-e2e/specification/import");
  await page
    .getByLabel("Specification document")
    .setInputFiles({ name: "hospital.md", mimeType: "text/markdown", buffer: Buffer.from(close) });
  await page.getByRole("button", { name: "Preview import" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  const question = preview.getByRole("region", { name: /Possibly the same/ });
  await expect(question).toContainText("“Epic” is the start of “Epic EHR”");
  await expect(preview.getByRole("row", { name: /^Systems/ })).toContainText("2");
  await question.getByLabel(/“Epic”.*“Epic EHR”/).selectOption("same");
  await question.getByRole("button", { name: "Preview again with these answers" }).click();
  await expect(preview.getByRole("region", { name: /Possibly the same/ })).toHaveCount(0);
  await expect(preview).toContainText("said to be the same in the preview");
  await expect(preview.getByRole("row", { name: /^Systems/ })).toContainText("1");
  await expectAccessible(page);
  await preview.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toContainText("1 records created");
});
