import { northwindCredentials } from "../lib/fixtures/northwind/estate";
import { baseURL, simulatorURL } from "../playwright.config";
import { expect, signIn, test } from "./fixtures";

const ws = "runtimes-e2e";
const api = (path: string) => `/api/v1/workspaces/${ws}${path}`;
const origin = { origin: baseURL };

test("an architect plans a fabric and a cluster; a sync shows them live, and the single-controller fabric is a finding on the dashboard and in the diagram", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "ada", "/w/default/settings");
  expect(
    (await page.request.post("/api/v1/workspaces", { headers: origin, data: { name: "Runtimes E2E" } })).status(),
  ).toBe(201);
  const connect = await page.request.put(api("/connection"), {
    headers: origin,
    data: { controlPlane: "custom", baseUrl: simulatorURL, ...northwindCredentials, version: 0 },
  });
  expect(connect.status()).toBe(200);

  // The plan, in the browser: a production fabric of three controllers, and a unicast cluster.
  await page.goto(`/w/${ws}/specification/runtime-fabric`);
  await page.getByRole("button", { name: "Add Runtime Fabric" }).click();
  const panel = page.getByRole("complementary");
  await panel.getByRole("textbox", { name: "Name", exact: true }).fill("nwf-rtf-prod");
  await panel.getByLabel("Controllers").fill("3");
  await panel.getByLabel("Workers", { exact: true }).fill("2");
  await panel.getByRole("button", { name: "Add Runtime Fabric" }).click();
  await expect(page.getByRole("status")).toHaveText('Added "nwf-rtf-prod".');

  await page.goto(`/w/${ws}/specification/mule-cluster`);
  await page.getByRole("button", { name: "Add Mule cluster" }).click();
  await panel.getByLabel("Cluster name").fill("nwf-onprem-cluster-prod");
  await panel.getByLabel("Membership").selectOption("unicast");
  await panel.getByLabel("Nodes").fill("2");
  await panel.getByRole("button", { name: "Add Mule cluster" }).click();
  await expect(page.getByRole("status")).toHaveText('Added "nwf-onprem-cluster-prod".');

  // A sync shows them live.
  await page.goto(`/w/${ws}/live`);
  await page.getByRole("button", { name: "Sync now" }).click();
  const kinds = page.getByRole("navigation", { name: "Resource kinds" });
  await expect(kinds.getByRole("button", { name: /Runtime Fabrics 1/ })).toBeVisible({ timeout: 30_000 });
  await expect(kinds.getByRole("button", { name: /Mule clusters 1/ })).toBeVisible();
  await kinds.getByRole("button", { name: /Runtime Fabrics 1/ }).click();
  await expect(page.getByRole("row", { name: /nwf-rtf-prod/ })).toBeVisible();

  // The fabric runs one controller: the finding is on the dashboard and on the fabric's node.
  await expect(async () => {
    await page.goto(`/w/${ws}/findings?rule=AVAIL-RTF-NODES`);
    await expect(page.getByText(/Runtime Fabric "nwf-rtf-prod" .*runs 1 controller; production needs 3/)).toBeVisible({
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await page.goto(`/w/${ws}`);
  await expect(page.getByRole("region", { name: "Top blockers" })).toContainText(
    "Runtime Fabric in production with too few controllers or workers",
  );
  await page.goto(`/w/${ws}/topology`);
  await expect(page.getByTestId("topology-canvas")).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
  await page.getByLabel("Find a node").fill("nwf-rtf-prod");
  await page.getByRole("button", { name: "Find", exact: true }).click();
  const details = page.getByRole("complementary", { name: "Details of nwf-rtf-prod" });
  await expect(details).toContainText("Runtime Fabric");
  await expect(details).toContainText("AVAIL-RTF-NODES");
  await expect(details).toContainText("DRIFT-VALUE");
});
