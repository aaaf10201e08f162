import fs from "node:fs";
import type { Page } from "@playwright/test";
import type { TopologyGraph } from "../lib/domain/topology/types";
import { expect, expectAccessible, submitIdpLogin, test } from "./fixtures";
import { startDemoServer, stopServers } from "./servers";

// The demo workspace as a newcomer sees it: a demo-mode server seeds Northwind Freight, syncs it
// against its own simulator and evaluates it; the diagrams draw that.

test.describe.configure({ mode: "serial" });

let base = "";
test.beforeAll(async () => {
  test.setTimeout(120_000);
  base = `http://localhost:${(await startDemoServer()).port}`;
});
test.afterAll(stopServers);

async function signInDemo(page: Page, username: string, path: string) {
  await page.goto(`${base}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByRole("button", { name: "Sign in with Okta" }).click();
  await submitIdpLogin(page, username);
  await page.waitForURL(`${base}${path}`);
}

/** The platform graph once the start-up sync and evaluation have landed. */
async function syncedGraph(page: Page): Promise<TopologyGraph> {
  let graph: TopologyGraph | null = null;
  await expect
    .poll(
      async () => {
        const response = await page.request.get(`${base}/api/v1/workspaces/northwind/topology/platform`);
        graph = ((await response.json()) as { graph: TopologyGraph }).graph;
        return graph.hasLive && graph.nodes.some((n) => n.findings.length > 0);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return graph!;
}

const node = (page: Page, label: string, kind?: string) =>
  page.locator(`.react-flow__node:has(> [data-kind${kind ? `="${kind}"` : ""}][aria-label*="${label}"])`).first();
const transformOf = (page: Page, label: string, kind: string) =>
  node(page, label, kind).evaluate((el) => (el as HTMLElement).style.transform);

test("the platform view draws the demo estate over the plan, with findings, nudges that stay, and an SVG export", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInDemo(page, "archie", "/w/northwind/topology");
  const graph = await syncedGraph(page);
  await page.reload();
  await expect(page.getByTestId("topology-canvas")).toHaveAttribute("data-state", "ready");
  await expectAccessible(page);

  // VPCs, load balancers and applications of the demo workspace.
  for (const [label, kind] of <[string, string][]>[
    ["vpc-nwf-prod", "vpc"],
    ["vpc-nwf-nonprod", "vpc"],
    ["dlb-nwf-ext", "load-balancer"],
    ["dlb-nwf-int", "load-balancer"],
    ["nwf-prc-shipments-api-v1", "application"],
  ])
    await expect(node(page, label, kind)).toBeVisible();
  // The DR VPC is planned but not built: dashed.
  const dr = node(page, "vpc-nwf-dr", "vpc").locator("> [data-overlay]");
  await expect(dr).toHaveAttribute("data-overlay", "planned-only");
  expect(await dr.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe("dashed");
  await expect(node(page, "vpc-nwf-prod", "vpc").locator("> [data-overlay]")).not.toHaveAttribute(
    "data-overlay",
    "planned-only",
  );

  // An application with findings: find it, click it, read its findings in the panel.
  // One in a network's environment, drawn once (a planned application may also be drawn where it runs).
  const withFindings = graph.nodes.find(
    (n) =>
      n.kind === "application" &&
      n.findings.length > 0 &&
      graph.nodes.find((p) => p.id === n.parent)?.kind === "environment" &&
      graph.nodes.filter((m) => m.label === n.label).length === 1,
  )!;
  await page.getByLabel("Find a node").fill(withFindings.label);
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await page.getByRole("button", { name: "Close the details" }).click();
  await node(page, withFindings.label, "application").click();
  const panel = page.getByRole("complementary", { name: `Details of ${withFindings.label}` });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("heading", { name: /Open findings/ })).toContainText(
    `(${graph.nodes.filter((n) => n.label === withFindings.label).find((n) => n.id === withFindings.id)!.findings.length})`,
  );
  for (const finding of withFindings.findings) await expect(panel).toContainText(finding.ruleId);
  await panel.getByRole("button", { name: "Close the details" }).click();
  await expect(panel).toBeHidden();

  // Nudge a load balancer; it keeps its place after a reload.
  await page.getByRole("button", { name: "Fit View", exact: true }).click();
  await page.waitForTimeout(400);
  await expect(node(page, "dlb-nwf-int", "load-balancer")).toBeInViewport();
  const before = await transformOf(page, "dlb-nwf-int", "load-balancer");
  const box = (await node(page, "dlb-nwf-int", "load-balancer").boundingBox())!;
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/topology/platform/layout") && r.request().method() === "PATCH",
  );
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  expect((await saved).status()).toBe(200);
  const after = await transformOf(page, "dlb-nwf-int", "load-balancer");
  expect(after).not.toBe(before);
  await page.reload();
  await expect(page.getByTestId("topology-canvas")).toHaveAttribute("data-state", "ready");
  await expect.poll(() => transformOf(page, "dlb-nwf-int", "load-balancer")).toBe(after);

  // The SVG export holds the whole diagram's labels.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export SVG" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("northwind-platform.svg");
  const svg = fs.readFileSync((await file.path())!, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  for (const label of [
    "vpc-nwf-prod",
    "vpc-nwf-dr",
    "dlb-nwf-ext",
    "nwf-prc-shipments-api-v1",
    "Corporate data centre",
  ])
    expect(svg).toContain(label);

  // Reset forgets the nudge.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reset layout" }).click();
  await expect.poll(() => transformOf(page, "dlb-nwf-int", "load-balancer"), { timeout: 10_000 }).toBe(before);
});

test("a viewer reads the API-led and DR views, filters them, and cannot move anything", async ({ page }) => {
  test.setTimeout(90_000);
  await signInDemo(page, "vic", "/w/northwind/topology?view=api-led");
  await expect(page.getByTestId("topology-canvas")).toHaveAttribute("data-state", "ready");
  await expect(page.getByRole("link", { name: "API-led" })).toHaveAttribute("aria-current", "page");
  for (const lane of ["Experience APIs", "Process APIs", "System APIs", "Backend systems"])
    await expect(node(page, lane, "lane")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reset layout" })).toHaveCount(0);
  await expectAccessible(page);

  // Only the system layer.
  await page.getByRole("combobox", { name: "Layer" }).selectOption("system");
  await expect(node(page, "nwf-sys-sap-api-v1", "application")).toBeVisible();
  await expect(node(page, "nwf-prc-shipments-api-v1", "application")).toHaveCount(0);

  // A viewer's drag moves nothing and saves nothing.
  let patched = false;
  page.on("request", (r) => {
    if (r.method() === "PATCH") patched = true;
  });
  const sap = node(page, "nwf-sys-sap-api-v1", "application");
  const before = await sap.evaluate((el) => (el as HTMLElement).style.transform);
  const box = (await sap.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 80, { steps: 5 });
  await page.mouse.up();
  expect(await sap.evaluate((el) => (el as HTMLElement).style.transform)).toBe(before);
  expect(patched).toBe(false);

  await page.getByRole("link", { name: "Disaster recovery" }).click();
  await expect(page.getByTestId("topology-canvas")).toHaveAttribute("data-state", "ready");
  await expect(node(page, "eu-central-1", "region")).toBeVisible();
  await expect(node(page, "Tier 1 Mission-Critical", "tier").first()).toBeVisible();
});

// Last in this file: it changes the demo's plan.
test("an architect accepts a live worker count from a drift finding; it closes, and the record's history names it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInDemo(page, "archie", "/w/northwind/findings?rule=DRIFT-VALUE");
  const workers = page
    .getByRole("listitem")
    .filter({ hasText: /: the number of (workers|replicas) is \d+ in Anypoint but \d+ in the specification/ })
    .first();
  await expect(workers).toBeVisible({ timeout: 30_000 });
  const message = (await workers.locator("p").first().textContent())!.trim();
  await workers.getByRole("button", { name: /^Make the plan match live/ }).click();
  await expect(workers.getByRole("status")).toContainText(/now has the live workers \(version \d+\)/);
  // The evaluation that follows the change closes the finding.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: message })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const app = /^Application "([^"]+)"/.exec(message)![1]!;
  await page.goto(`${base}/w/northwind/specification/application`);
  await page.getByRole("button", { name: `History of ${app}` }).click();
  const history = page.getByRole("list", { name: "History" });
  await expect(history.locator(":scope > li").first()).toContainText(
    `To match Anypoint, closing DRIFT-VALUE: ${message}`,
  );
  await expectAccessible(page);
});
