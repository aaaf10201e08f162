import { baseURL } from "../playwright.config";
import { wordCopyOf } from "../lib/testing/document-copies";
import { driftingNamesDocument } from "../lib/testing/documents";
import { expect, signIn, test } from "./fixtures";

const ws = "word-e2e";
// A Word document whose VPN spells its VPC differently from the VPC table.
const document = `# Network\n\n${driftingNamesDocument}`;

test("an architect uploads a Word document, resolves a VPC name it spells differently in the preview, and the finding is gone", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const docx = {
    name: "network.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from(await wordCopyOf(document)),
  };
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (
      await page.request.post("/api/v1/workspaces", { headers: { origin: baseURL }, data: { name: "Word E2E" } })
    ).status(),
  ).toBe(201);
  const referenceFindings = async () =>
    (
      (await (await page.request.get(`/api/v1/workspaces/${ws}/findings?rule=GAP-REFERENCE`)).json()) as {
        items: { message: string }[];
      }
    ).items.map((f) => f.message);
  const upload = async () => {
    await page.goto(`/w/${ws}/specification/import`);
    await page.getByLabel("Specification document").setInputFiles(docx);
    await page.getByRole("button", { name: "Preview import" }).click();
    return page.getByRole("region", { name: "Preview" });
  };

  // First import: nothing is dropped; the VPN keeps the name as written and is reported.
  let preview = await upload();
  await expect(preview).toContainText("From network.docx:");
  await expect(preview.getByRole("row", { name: /^VPNs/ })).toContainText("1");
  const unmatched = preview.getByRole("region", { name: /Names that match no record/ });
  await expect(unmatched).toContainText("vpc01-nonprod-eu-frankfurt");
  await expect(unmatched).toContainText("closest: vpc01-nonprod-de-c1");
  await preview.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toContainText("3 records created");
  await expect(async () => {
    expect(await referenceFindings()).toEqual([
      expect.stringContaining('VPN "vpn-nonprod-dc": VPC "vpc01-nonprod-eu-frankfurt"'),
    ]);
  }).toPass({ timeout: 30_000 });

  // Again, saying what the name means.
  preview = await upload();
  await preview.getByLabel(/vpc01-nonprod-eu-frankfurt.*means/).selectOption("vpc01-nonprod-de-c1");
  await preview.getByRole("button", { name: "Preview again with these names" }).click();
  await expect(preview).toContainText("“vpc01-nonprod-eu-frankfurt” is vpc01-nonprod-de-c1");
  await expect(preview.getByRole("row", { name: /^VPNs/ })).toContainText("1");
  await preview.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("status")).toContainText("1 updated");
  await expect(async () => {
    expect(await referenceFindings()).toEqual([]);
  }).toPass({ timeout: 30_000 });

  // The same document once more: the name is remembered, nothing changes.
  preview = await upload();
  await expect(preview).toContainText("0 to create, 0 to update, 3 unchanged");
  await expect(preview.getByRole("region", { name: /Names that match no record/ })).toHaveCount(0);
});
