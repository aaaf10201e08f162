import { expect, signIn, signOut, test } from "./fixtures";

test("an architect adds a VPC with a firewall rule, fixing a bad CIDR and a too-long app name, and sees the history", async ({
  page,
}) => {
  await signIn(page, "archie", "/w/default/specification/vpc");
  await expect(page.getByRole("heading", { level: 1, name: "VPCs" })).toBeVisible();

  await page.getByRole("button", { name: "Add VPC" }).click();
  const panel = page.getByRole("complementary");
  await panel.getByLabel("VPC name").fill("vpc-e2e-prod");
  await panel.getByLabel("Region").selectOption("eu-central-1");
  await panel.getByLabel("CIDR").fill("10.0.0.0/33");
  await panel.getByRole("button", { name: "Add VPC" }).click();
  await expect(panel.getByText("prefix /33 is larger than /32")).toBeVisible();
  await expect(panel.getByLabel("CIDR")).toHaveAttribute("aria-invalid", "true");

  await panel.getByLabel("CIDR").fill("10.40.0.0/20");
  await panel.getByRole("button", { name: "Add VPC" }).click();
  await expect(page.getByRole("status")).toHaveText('Added "vpc-e2e-prod".');
  await expect(page.getByRole("row", { name: /vpc-e2e-prod/ })).toContainText("10.40.0.0/20");

  // A firewall rule on that VPC: the VPC is chosen from a list.
  await page.goto("/w/default/specification/firewall-rule");
  await page.getByRole("button", { name: "Add firewall rule" }).click();
  await panel.getByLabel("VPC").selectOption({ label: "vpc-e2e-prod" });
  await panel.getByLabel("Source").fill("10.0.0.0/8");
  await panel.getByLabel("Protocol").selectOption("tcp");
  await panel.getByLabel("From port").fill("8091");
  await panel.getByLabel("To port").fill("8082");
  await panel.getByRole("button", { name: "Add firewall rule" }).click();
  await expect(panel.getByText("the port range 8091-8082 ends before it starts")).toBeVisible();
  await panel.getByLabel("To port").fill("8092");
  await panel.getByRole("button", { name: "Add firewall rule" }).click();
  await expect(page.getByRole("row", { name: /10\.0\.0\.0\/8/ })).toContainText("vpc-e2e-prod");

  // An application name of 60 characters is refused with the reason.
  await page.goto("/w/default/specification/application");
  await page.getByRole("button", { name: "Add application" }).click();
  await panel.getByRole("textbox", { name: "Name", exact: true }).fill("e".repeat(60));
  await panel.getByLabel("Layer").selectOption("system");
  await panel.getByRole("button", { name: "Add application" }).click();
  await expect(panel.getByText("is 60 characters; CloudHub application names have at most 42")).toBeVisible();
  await panel.getByRole("textbox", { name: "Name", exact: true }).fill("sys-e2e-orders-api-v1");
  await panel.getByRole("button", { name: "Add application" }).click();
  await expect(page.getByRole("row", { name: /sys-e2e-orders-api-v1/ })).toBeVisible();

  // Change the VPC, then read its history.
  await page.goto("/w/default/specification/vpc");
  await page.getByRole("button", { name: "Edit vpc-e2e-prod" }).click();
  await panel.getByLabel("CIDR").fill("10.40.0.0/19");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText('Saved "vpc-e2e-prod" (version 2).');
  await page.getByRole("button", { name: "History of vpc-e2e-prod" }).click();
  const entries = panel.getByRole("list", { name: "History" }).locator(":scope > li");
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("Changed by Archie Architect");
  await expect(entries.first()).toContainText("CIDR: 10.40.0.0/20 → 10.40.0.0/19");
  await expect(entries.last()).toContainText("Created by Archie Architect");

  // The overview counts the new records.
  await page.goto("/w/default/specification");
  await expect(page.getByRole("row", { name: /^VPCs/ })).toContainText("1 records");
});

test("a delivery lead reads the specification but finds no editing controls", async ({ page }) => {
  await signIn(page, "della", "/w/default/specification/vpc");
  await expect(page.getByRole("heading", { level: 1, name: "VPCs" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete / })).toHaveCount(0);
  // The API refuses too, whatever the UI shows.
  const refused = await page.request.post("/api/v1/workspaces/default/spec/vpc", {
    data: { name: "sneaky", region: "eu-west-1", cidr: "10.9.0.0/16" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  await signOut(page);
});

test("two architects edit the same VPC: the second sees the first's change and re-applies theirs", async ({
  browser,
}) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signIn(first, "archie", "/w/default/specification/vpc");
  await first.getByRole("button", { name: "Add VPC" }).click();
  await first.getByRole("complementary").getByLabel("VPC name").fill("vpc-shared");
  await first.getByRole("complementary").getByLabel("Region").selectOption("eu-west-1");
  await first.getByRole("complementary").getByLabel("CIDR").fill("10.60.0.0/20");
  await first.getByRole("complementary").getByRole("button", { name: "Add VPC" }).click();
  await expect(first.getByRole("row", { name: /vpc-shared/ })).toBeVisible();

  await signIn(second, "mira", "/w/default/specification/vpc");
  await first.getByRole("button", { name: "Edit vpc-shared" }).click();
  await second.getByRole("button", { name: "Edit vpc-shared" }).click();

  await first.getByRole("complementary").getByLabel("CIDR").fill("10.60.0.0/19");
  await first.getByRole("complementary").getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("status")).toContainText("version 2");

  await second.getByRole("complementary").getByLabel("Region").selectOption("eu-central-1");
  await second.getByRole("complementary").getByRole("button", { name: "Save changes" }).click();
  const conflict = second.getByRole("complementary");
  await expect(conflict.getByRole("heading", { name: "Someone else changed this record" })).toBeVisible();
  await expect(conflict.getByRole("row", { name: /Region/ })).toContainText("EU (Ireland)");
  await conflict.getByRole("button", { name: "Apply my changes on top" }).click();
  const row = second.getByRole("row", { name: /vpc-shared/ });
  await expect(row).toContainText("EU (Frankfurt)");
  await expect(row).toContainText("10.60.0.0/19"); // the first architect's change survived
  await first.close();
  await second.close();
});
