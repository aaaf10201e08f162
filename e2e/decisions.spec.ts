import type { Browser, Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { expect, expectAccessible, signIn, test } from "./fixtures";

/** A second person in their own browser context, signed in. */
async function openAs(browser: Browser, username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, username, path);
  return page;
}

async function approve(page: Page, number: string) {
  await page.goto(`/w/default/decisions/${number}`);
  const form = page.getByRole("form", { name: "Your review" });
  await form.getByLabel("Approve").check();
  await form.getByLabel(/^Note/).fill("Looks right to me.");
  await form.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByRole("region", { name: "Reviews" })).toContainText("Della Delivery: approved");
}

test("an architect drafts D05, a second person approves it, it is accepted, and D06 later supersedes it", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => {
    throw new Error(`a script ran on the page: ${dialog.message()}`);
  });
  await signIn(page, "archie", "/w/default/decisions");
  // The workspace already holds D01 to D04, as the template's example does.
  const existing = (await (await page.request.get("/api/v1/workspaces/default/decisions")).json()) as {
    items: unknown[];
  };
  for (let n = existing.items.length + 1; n <= 4; n += 1) {
    const created = await page.request.post("/api/v1/workspaces/default/decisions", {
      headers: { origin: baseURL },
      data: { title: `Earlier decision ${n}`, decision: "Decided earlier." },
    });
    expect(created.status()).toBe(201);
  }

  await page.goto("/w/default/decisions");
  await page.getByRole("link", { name: "New decision" }).click();
  const form = page.getByRole("form", { name: "New decision" });
  await form.getByLabel("Title").fill("Partner APIs behind a dedicated load balancer");
  await form.getByLabel("Owner").fill("Archie Architect");
  await form.getByLabel("Context").fill('Partners need **mutual TLS**. <script>alert("owned")</script>');
  await form.getByLabel("Decision", { exact: true }).fill("Expose partner APIs through `dlb-nwf-ext` only.");
  await form.getByLabel("Rationale").fill("Custom domains need a DLB. [Why](javascript:alert(1))");
  await form.getByLabel("Implications").fill("- Yearly certificate renewal\n- Two DLB units");
  await form.getByRole("button", { name: "Create draft" }).click();

  await page.waitForURL(/\/decisions\/D05$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Partner APIs behind a dedicated load balancer" }),
  ).toBeVisible();
  await expectAccessible(page);
  // Markdown is rendered; raw HTML is shown as text and never runs; a javascript: link loses its target.
  const context = page.getByRole("region", { name: "Context" });
  await expect(context.locator("strong")).toHaveText("mutual TLS");
  await expect(context).toContainText('<script>alert("owned")</script>');
  await expect(context.locator("script")).toHaveCount(0);
  const rationale = page.getByRole("region", { name: "Rationale" });
  await expect(rationale.getByText("Why")).toBeVisible();
  await expect(rationale.locator("a")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Implications" }).getByRole("listitem")).toHaveCount(2);

  // A second save is a second revision; the history shows what changed.
  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByLabel("Rationale").fill("Custom domains and mutual TLS need a DLB.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved revision 2 of D05.");
  await page.getByRole("button", { name: "Compare revisions" }).click();
  const changes = page.getByRole("region", { name: "History" });
  await expect(changes.locator("ins")).toContainText(["and mutual TLS"]);

  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("status")).toHaveText("D05 is now proposed.");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("D05 needs 1 approval to be accepted; it has 0");
  await expect(page.getByText("You wrote this decision: someone else reviews it.")).toBeVisible();

  const della = await openAs(browser, "della", "/w/default/decisions");
  await approve(della, "D05");
  await expectAccessible(della);

  await page.reload();
  await expect(page.getByRole("region", { name: "Reviews" })).toContainText("1 of 1 required approval");
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("D05 is now accepted.");

  // D06 supersedes D05: accepting D06 retires D05 in the same step.
  await page.goto("/w/default/decisions/new");
  const next = page.getByRole("form", { name: "New decision" });
  await next.getByLabel("Title").fill("One shared load balancer for partners and internal APIs");
  await next.getByLabel("Decision", { exact: true }).fill("Use `dlb-nwf-int` for both.");
  await next.getByLabel("Supersedes").selectOption("D05");
  await next.getByRole("button", { name: "Create draft" }).click();
  await page.waitForURL(/\/decisions\/D06$/);
  await expect(page.getByRole("region", { name: "Links" })).toContainText("supersedes D05");
  await page.getByRole("button", { name: "Propose" }).click();
  await expect(page.getByRole("status")).toHaveText("D06 is now proposed.");
  await approve(della, "D06");
  await page.reload();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByRole("status")).toHaveText("D06 is now accepted.");

  await page.goto("/w/default/decisions/D05");
  await expect(page.getByText("superseded by D06", { exact: true })).toBeVisible();
  await expect(page.getByText(/This decision is no longer in force: superseded by D06/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);

  // The list says it too, and its filters find it.
  await page.goto("/w/default/decisions");
  await page.getByLabel("Status").selectOption("superseded");
  await expect(page.getByRole("row", { name: /D05/ })).toContainText("superseded by D06");
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "Timeline" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText("D05");
  await della.context().close();
});

test("a viewer reads decisions but gets no way to change them", async ({ page }) => {
  await signIn(page, "vic", "/w/default/decisions");
  await expect(page.getByRole("heading", { level: 1, name: "Decisions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New decision" })).toHaveCount(0);
  await page.goto("/w/default/decisions/D01");
  await expect(page.getByRole("button", { name: /Edit|Propose|Accept/ })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Your review" })).toHaveCount(0);
});
