import { readFile } from "node:fs/promises";
import path from "node:path";
import { pdfText } from "../lib/testing/documents";
import { baseURL } from "../playwright.config";
import { expect, signIn, test } from "./fixtures";

const ws = "documents-e2e";
const documents = path.join(process.cwd(), "lib/testing/documents");

test("an architect uploads a half-filled document, reviews the preview, applies it, and sees its data and gaps", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (
      await page.request.post("/api/v1/workspaces", { headers: { origin: baseURL }, data: { name: "Documents E2E" } })
    ).status(),
  ).toBe(201);

  await page.goto(`/w/${ws}/specification`);
  await page.getByRole("link", { name: "Import a document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a specification document" })).toBeVisible();
  await page.getByLabel("Specification document").setInputFiles(path.join(documents, "half-filled.md"));
  await page.getByRole("button", { name: "Preview import" }).click();

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview).toContainText("From half-filled.md:");
  await expect(preview.getByRole("row", { name: /^VPCs/ })).toContainText("1");
  await expect(
    preview.getByText(
      'VPC "vpc-bad": CIDR "10.70.0/20": "10.70.0/20" is not a CIDR block such as 10.0.0.0/16; not imported',
    ),
  ).toBeVisible();
  await expect(preview.getByRole("row", { name: /x\.x\.x\.x\/24/ })).toContainText("in the record");
  await expect(preview.getByRole("row", { name: /Dxx/ })).toContainText("open gap");
  // Nothing is written by a preview.
  expect((await (await page.request.get(`/api/v1/workspaces/${ws}/spec/vpc`)).json()).items).toEqual([]);

  await preview.getByLabel("Take them as naming conventions").check();
  await expect(preview.getByRole("row", { name: /^Naming conventions/ })).toContainText("1");
  await preview.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toContainText("gaps recorded");

  await page.getByRole("link", { name: "Open the specification" }).click();
  await page.goto(`/w/${ws}/specification/vpc`);
  await expect(page.getByRole("row", { name: /vpc-main/ })).toContainText("10.50.0.0/20");

  // The rules run shortly after the import: the gaps reach the dashboard.
  await page.goto(`/w/${ws}`);
  const gaps = page.getByRole("region", { name: "Specification gaps" });
  await expect(async () => {
    await page.reload();
    await expect(gaps).toContainText("Placeholder left in the specification", { timeout: 1_000 });
    await expect(gaps).toContainText("Unfinished part of the imported document (GAP-IMPORTED)");
  }).toPass({ timeout: 30_000 });
  const findings = await (await page.request.get(`/api/v1/workspaces/${ws}/findings?rule=GAP-IMPORTED`)).json();
  expect(findings.items.map((f: { message: string }) => f.message)).toEqual(
    expect.arrayContaining([expect.stringContaining("the decisions table holds only the template's example row")]),
  );

  // The same document again changes nothing.
  await page.goto(`/w/${ws}/specification/import`);
  await page.getByLabel("Specification document").setInputFiles(path.join(documents, "half-filled.md"));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("region", { name: "Preview" })).toContainText(/0 to create, 0 to update, \d+ unchanged/);

  // The printed specification: a PDF with the template's headings and the platform diagram.
  await page.goto(`/w/${ws}/specification`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^documents-e2e-specification-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(new Uint8Array(await readFile(await pdf.path())));
  for (const heading of [
    "Business and Solution Context",
    "Platform Architecture and Setup",
    "Virtual Private Cloud",
    "Annex: Specification vs live estate",
  ])
    expect(text).toContain(heading);
  expect(text).toContain("Platform diagram");
  expect(text).toContain("vpc-main");

  // A JSON backup restores into a new workspace from Settings.
  const backupDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Backup (JSON)" }).click();
  const backupPath = await (await backupDownload).path();
  await page.goto(`/w/${ws}/settings`);
  await page.getByLabel("Backup file to restore").setInputFiles(backupPath);
  await page.getByLabel("Name (optional)").fill("Documents restored");
  await page.getByRole("button", { name: "Restore workspace" }).click();
  await page.waitForURL(/\/w\/documents-restored\/specification$/);
  await expect(page.getByRole("row", { name: /^VPCs/ })).toContainText("1 records");
});
