import { expect, signIn, test } from "./fixtures";

test("an admin creates a workspace, switches between workspaces, and renames one", async ({ page }) => {
  await signIn(page, "ada", "/w/default/settings");
  await page.getByLabel("New workspace").fill("Contoso Retail E2E");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/contoso-retail-e2e\/specification$/);
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue("contoso-retail-e2e");

  // A second workspace with the same name is refused at the field.
  await page.goto("/w/contoso-retail-e2e/settings");
  await page.getByLabel("New workspace").fill("Contoso Retail E2E");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText('a workspace "contoso-retail-e2e" already exists')).toBeVisible();

  // Switching keeps the section.
  await page.getByLabel("Workspace", { exact: true }).selectOption("default");
  await expect(page).toHaveURL(/\/w\/default\/settings$/);
  await page.getByRole("link", { name: "Findings" }).click();
  await expect(page).toHaveURL(/\/w\/default\/findings$/);
  await page.getByLabel("Workspace", { exact: true }).selectOption("contoso-retail-e2e");
  await expect(page).toHaveURL(/\/w\/contoso-retail-e2e\/findings$/);

  // The switcher remembers the choice: the portal's home opens it.
  await page.goto("/");
  await expect(page).toHaveURL(/\/w\/contoso-retail-e2e$/);

  // Rename: the address stays, the name changes everywhere.
  await page.goto("/w/contoso-retail-e2e/settings");
  await page.getByLabel("Name of this workspace").fill("Contoso Retail (EU)");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Renamed." })).toBeVisible();
  await expect(page.getByLabel("Workspace", { exact: true }).locator("option:checked")).toHaveText(
    "Contoso Retail (EU)",
  );

  // The approvals decisions need: after the rename (same version chain), refused out of range with the reason.
  await page.getByLabel("Approvals a decision needs before acceptance").fill("11");
  await page.getByRole("button", { name: "Save approvals" }).click();
  await expect(page.getByText("requiredApprovals is at most 10")).toBeVisible();
  await page.getByLabel("Approvals a decision needs before acceptance").fill("2");
  await page.getByRole("button", { name: "Save approvals" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decisions now need 2 approvals." })).toBeVisible();
  const workspace = await (await page.request.get("/api/v1/workspaces/contoso-retail-e2e")).json();
  expect(workspace).toMatchObject({ requiredApprovals: 2 });
});
