import { beforeEach, describe, expect, it } from "vitest";
import { upsertUserAtSignIn } from "@/lib/db/user-repository";
import type { Actor } from "@/lib/domain/access";
import { listAuditEvents } from "@/lib/services/audit";
import type { ServiceContext } from "@/lib/services/context";
import { exportDecisionMadr, exportDecisionTable } from "@/lib/services/decisions/export";
import { diffDecisionRevisions, getDecision, listDecisions, type DecisionDetail } from "@/lib/services/decisions/read";
import { requestReviews, reviewDecision } from "@/lib/services/decisions/reviews";
import { transitionDecision } from "@/lib/services/decisions/transition";
import { createDecision, updateDecision } from "@/lib/services/decisions/write";
import { createSpecRecord, listSpec } from "@/lib/services/spec";
import { ensureDefaultWorkspace, getWorkspace, updateWorkspace } from "@/lib/services/workspaces";
import { buildDecisionInput } from "@/lib/testing/factories";
import { testEngine, useTestDatabase } from "@/lib/testing/test-database";

const archie: Actor = { kind: "user", id: "okta|archie", name: "Archie Architect", role: "architect" };
const mira: Actor = { kind: "user", id: "okta|mira", name: "Mira Multi", role: "architect" };
const della: Actor = { kind: "user", id: "okta|della", name: "Della Delivery", role: "delivery_lead" };
const vic: Actor = { kind: "user", id: "okta|vic", name: "Vic Viewer", role: "viewer" };
const admin: Actor = { kind: "user", id: "okta|ada", name: "Ada Admin", role: "admin", groups: ["agp-admins"] };

const textOf = (d: DecisionDetail) => ({
  title: d.title,
  context: d.context,
  decision: d.decision,
  rationale: d.rationale,
  implications: d.implications,
  owner: d.owner,
});
const linksOf = (d: DecisionDetail) => ({
  supersedes: d.links.filter((l) => l.kind === "supersedes" && l.direction === "outgoing").map((l) => l.number),
  amends: d.links.filter((l) => l.kind === "amends" && l.direction === "outgoing").map((l) => l.number),
  relatesTo: d.links.filter((l) => l.kind === "relates_to" && l.direction === "outgoing").map((l) => l.number),
  governs: d.governs.map((g) => g.id),
});

describe(`decision records on ${testEngine}`, () => {
  const db = useTestDatabase();
  const as = (actor: Actor = archie): ServiceContext => ({ db: db(), actor, origin: "api" });
  beforeEach(async () => {
    await ensureDefaultWorkspace(db());
    for (const [actor, group] of [
      [della, "agp-delivery-leads"],
      [mira, "agp-architects"],
      [vic, "agp-viewers"],
    ] as const) {
      await upsertUserAtSignIn(
        db().prisma,
        { subject: actor.id, name: actor.name, email: null, groups: [group] },
        actor,
        new Date(),
      );
    }
  });

  /** Drafts, proposes and (with Della's approval) accepts a decision. */
  async function acceptedDecision(overrides: Record<string, unknown> = {}): Promise<DecisionDetail> {
    const draft = await createDecision(as(), "default", buildDecisionInput(overrides));
    const proposed = await transitionDecision(as(), "default", draft.number, {
      to: "proposed",
      version: draft.version,
    });
    await reviewDecision(as(della), "default", draft.number, {
      verdict: "approved",
      revision: proposed.latestRevision,
    });
    return transitionDecision(as(), "default", draft.number, { to: "accepted", version: proposed.version });
  }

  it("numbers decisions D01, D02 … per workspace and records the first revision", async () => {
    const first = await createDecision(as(), "default", buildDecisionInput());
    const second = await createDecision(as(), "default", buildDecisionInput());
    expect([first.number, second.number]).toEqual(["D01", "D02"]);
    expect(first).toMatchObject({ status: "draft", version: 1, latestRevision: 1, requiredApprovals: 1 });
    expect(first.revisions).toMatchObject([{ number: 1, authorName: "Archie Architect", status: "draft" }]);
    expect(await getDecision(as(vic), "default", "d2")).toMatchObject({ title: second.title });
  });

  it("keeps every save as a revision and diffs any two of them word by word", async () => {
    const created = await createDecision(
      as(),
      "default",
      buildDecisionInput({ rationale: "Custom domains need a DLB." }),
    );
    const second = await updateDecision(as(), "default", "D01", {
      ...textOf(created),
      rationale: "Custom domains and mutual TLS need a DLB.",
      version: created.version,
    });
    const third = await updateDecision(as(mira), "default", "D01", {
      ...textOf(second),
      title: "One DLB per region",
      version: second.version,
    });
    expect(third.revisions.map((r) => [r.number, r.authorName])).toEqual([
      [3, "Mira Multi"],
      [2, "Archie Architect"],
      [1, "Archie Architect"],
    ]);

    const diff = await diffDecisionRevisions(as(vic), "default", "D01", { from: "1", to: "3" });
    const byField = Object.fromEntries(diff.fields.map((f) => [f.field, f]));
    expect(byField.context?.changed).toBe(false);
    expect(byField.rationale?.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual([
      "and mutual TLS",
    ]);
    const removed = byField.title?.parts.filter((p) => p.kind !== "added").map((p) => p.text);
    expect(removed?.join("")).toBe(created.title);
    expect(diff.to.title).toBe("One DLB per region");

    await expect(diffDecisionRevisions(as(), "default", "D01", { from: 1, to: 9 })).rejects.toMatchObject({
      status: 400,
      details: { fields: [{ field: "to", message: "D01 has no revision 9" }] },
    });
  });

  it("gives one of two concurrent saves success and the other 409 with the current decision", async () => {
    const created = await createDecision(as(), "default", buildDecisionInput());
    const results = await Promise.allSettled([
      updateDecision(as(archie), "default", "D01", { ...textOf(created), rationale: "A", version: 1 }),
      updateDecision(as(mira), "default", "D01", { ...textOf(created), rationale: "B", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected");
    expect(failure?.status === "rejected" && failure.reason).toMatchObject({
      status: 409,
      code: "conflict",
      details: { current: { version: 2 } },
    });
    expect((await getDecision(as(), "default", "D01")).revisions).toHaveLength(2);
  });

  it("refuses acceptance without the approvals the workspace requires, with the reason", async () => {
    const draft = await createDecision(as(), "default", buildDecisionInput());
    const proposed = await transitionDecision(as(), "default", "D01", { to: "proposed", version: draft.version });
    await expect(
      transitionDecision(as(), "default", "D01", { to: "accepted", version: proposed.version }),
    ).rejects.toMatchObject({ status: 409, message: "D01 needs 1 approval to be accepted; it has 0" });

    const workspace = await getWorkspace(as(admin), "default");
    await updateWorkspace(as(admin), "default", { requiredApprovals: 2, version: workspace.version });
    await requestReviews(as(), "default", "D01", { reviewers: [della.id, mira.id] });
    await reviewDecision(as(della), "default", "D01", { verdict: "approved", revision: 1 });
    await expect(
      transitionDecision(as(), "default", "D01", { to: "accepted", version: proposed.version }),
    ).rejects.toMatchObject({ status: 409, message: "D01 needs 2 approvals to be accepted; it has 1" });
    expect((await getDecision(as(), "default", "D01")).status).toBe("proposed");

    await reviewDecision(as(mira), "default", "D01", { verdict: "approved", revision: 1 });
    const accepted = await transitionDecision(as(), "default", "D01", { to: "accepted", version: proposed.version });
    expect(accepted).toMatchObject({ status: "accepted", approvals: 2 });
    expect(accepted.decidedAt).toBeInstanceOf(Date);
  });

  it("resets the reviews when the text changes, and refuses a verdict on text its reviewer has not seen", async () => {
    const draft = await createDecision(as(), "default", buildDecisionInput());
    const proposed = await transitionDecision(as(), "default", "D01", { to: "proposed", version: draft.version });
    const reviewed = await reviewDecision(as(della), "default", "D01", { verdict: "approved", revision: 1 });
    expect(reviewed.approvals).toBe(1);

    // The owner is not text: changing it keeps the approval.
    const reowned = await updateDecision(as(), "default", "D01", {
      ...textOf(reviewed),
      owner: "Mira Multi",
      version: proposed.version,
    });
    expect(reowned.approvals).toBe(1);

    const edited = await updateDecision(as(), "default", "D01", {
      ...textOf(reowned),
      decision: "Use a shared load balancer.",
      version: reowned.version,
    });
    expect(edited.approvals).toBe(0);
    expect(edited.reviews.map((r) => [r.reviewerName, r.verdict, r.staleAt === null])).toEqual(
      expect.arrayContaining([
        ["Della Delivery", "requested", true],
        ["Della Delivery", "approved", false],
      ]),
    );
    await expect(
      transitionDecision(as(), "default", "D01", { to: "accepted", version: edited.version }),
    ).rejects.toMatchObject({ status: 409, code: "invalid_transition" });

    await expect(
      reviewDecision(as(della), "default", "D01", { verdict: "approved", revision: 2 }),
    ).rejects.toMatchObject({ status: 409, details: { latestRevision: 3 } });
    const again = await reviewDecision(as(della), "default", "D01", { verdict: "approved", revision: 3 });
    expect(again.approvals).toBe(1);

    const { items } = await listAuditEvents(as(), "default", { entityId: draft.id, action: "decision.update" });
    expect(items[0]?.after).toMatchObject({ reviewsReset: ["Della Delivery"], revision: 3 });
  });

  it("keeps reviews to people other than the author, with a note when changes are requested", async () => {
    await createDecision(as(), "default", buildDecisionInput());
    await expect(
      reviewDecision(as(archie), "default", "D01", { verdict: "approved", revision: 1 }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/wrote D01 and cannot review it/) });
    await expect(
      reviewDecision(as(della), "default", "D01", { verdict: "changes_requested", revision: 1 }),
    ).rejects.toMatchObject({ status: 400, details: { fields: [{ field: "note" }] } });
    await expect(reviewDecision(as(vic), "default", "D01", { verdict: "approved", revision: 1 })).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(
      requestReviews(as(), "default", "D01", { reviewers: [archie.id, vic.id, della.id] }),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [
          { field: "reviewers.0", message: "the author of a decision cannot review it" },
          { field: "reviewers.1", message: "no user okta|vic who may review decisions" },
        ],
      },
    });
  });

  it("supersedes the old decision in the same operation that accepts the new one", async () => {
    const d01 = await acceptedDecision({ title: "One DLB per region" });
    const draft = await createDecision(
      as(),
      "default",
      buildDecisionInput({ title: "Shared DLB", supersedes: ["D01"] }),
    );
    expect(draft.links).toMatchObject([{ kind: "supersedes", direction: "outgoing", number: "D01" }]);
    expect((await getDecision(as(), "default", "D01")).status).toBe("accepted");

    const proposed = await transitionDecision(as(), "default", "D02", { to: "proposed", version: draft.version });
    await reviewDecision(as(della), "default", "D02", { verdict: "approved", revision: 1 });
    await transitionDecision(as(), "default", "D02", { to: "accepted", version: proposed.version });

    const old = await getDecision(as(), "default", "D01");
    expect(old).toMatchObject({ status: "superseded", version: d01.version + 1 });
    expect(old.links).toMatchObject([{ kind: "supersedes", direction: "incoming", number: "D02" }]);
    expect(old.retiredAt).toBeInstanceOf(Date);
    expect((await listDecisions(as(), "default", { status: "superseded" })).map((d) => d.supersededBy)).toEqual([
      ["D02"],
    ]);
    const { items } = await listAuditEvents(as(), "default", { entityId: d01.id, action: "decision.supersede" });
    expect(items[0]?.after).toEqual({ status: "superseded", supersededBy: "D02" });
  });

  it("changes nothing when the superseded decision cannot be superseded any more", async () => {
    await acceptedDecision();
    const d02 = await createDecision(as(), "default", buildDecisionInput({ supersedes: ["D01"] }));
    const d03 = await createDecision(as(), "default", buildDecisionInput({ supersedes: ["D01"] }));
    for (const d of [d02, d03]) {
      const p = await transitionDecision(as(), "default", d.number, { to: "proposed", version: d.version });
      await reviewDecision(as(della), "default", d.number, { verdict: "approved", revision: 1 });
      Object.assign(d, { version: p.version });
    }
    await transitionDecision(as(), "default", "D02", { to: "accepted", version: d02.version });
    await expect(
      transitionDecision(as(), "default", "D03", { to: "accepted", version: d03.version }),
    ).rejects.toMatchObject({
      status: 409,
      message: "D03 supersedes D01, but D01 is already superseded",
    });
    expect((await getDecision(as(), "default", "D03")).status).toBe("proposed");
  });

  it("keeps accepted text immutable: refused plainly, allowed as a flagged edit with a note", async () => {
    const accepted = await acceptedDecision();
    const change = { ...textOf(accepted), ...linksOf(accepted), rationale: "Typo fixed.", version: accepted.version };
    await expect(updateDecision(as(), "default", "D01", change)).rejects.toMatchObject({
      status: 409,
      code: "immutable",
      message: expect.stringMatching(/record a new decision that amends it/),
    });
    await expect(
      updateDecision(as(), "default", "D01", { ...change, editAfterAcceptance: true }),
    ).rejects.toMatchObject({ status: 400, details: { fields: [{ field: "note" }] } });
    const edited = await updateDecision(as(), "default", "D01", {
      ...change,
      editAfterAcceptance: true,
      note: "Spelling",
    });
    expect(edited).toMatchObject({ status: "accepted", rationale: "Typo fixed." });
    expect(edited.revisions[0]).toMatchObject({ editAfterAcceptance: true, note: "Spelling", status: "accepted" });

    const amendment = await createDecision(as(), "default", buildDecisionInput({ amends: ["D01"] }));
    expect((await getDecision(as(), "default", "D01")).links).toMatchObject([
      { kind: "amends", direction: "incoming", number: amendment.number },
    ]);
  });

  it("links decisions to the specification records they govern, shown on the records", async () => {
    const vpc = await createSpecRecord(as(), "default", "vpc", {
      name: "vpc-prod-eu",
      region: "eu-central-1",
      cidr: "10.20.0.0/20",
    });
    const decision = await createDecision(as(), "default", buildDecisionInput({ governs: [vpc.id] }));
    expect(decision.governs).toEqual([{ id: vpc.id, kind: "vpc", title: "vpc-prod-eu", label: "VPC" }]);
    const [listed] = await listSpec(as(vic), "default", "vpc");
    expect(listed?.governedBy).toEqual([{ number: "D01", title: decision.title, status: "draft" }]);

    await expect(
      createDecision(
        as(),
        "default",
        buildDecisionInput({ governs: ["6f1d2c1e-0000-4000-8000-000000000000"], relatesTo: ["D09", "x"] }),
      ),
    ).rejects.toMatchObject({
      status: 400,
      details: {
        fields: [
          { field: "relatesTo.1", message: '"x" is not a decision number like D03' },
          { field: "relatesTo.0", message: "no decision D09 in this workspace" },
          {
            field: "governs.0",
            message: "no specification record 6f1d2c1e-0000-4000-8000-000000000000 in this workspace",
          },
        ],
      },
    });
  });

  it("filters by status, owner and text, and lets only architects write", async () => {
    await acceptedDecision({ title: "Region pairs", owner: "Mira Multi" });
    await createDecision(
      as(),
      "default",
      buildDecisionInput({ title: "Logging to Splunk", rationale: "Central search" }),
    );
    const titles = async (query: Record<string, unknown>) =>
      (await listDecisions(as(vic), "default", query)).map((d) => d.title);
    expect(await titles({ status: "accepted" })).toEqual(["Region pairs"]);
    expect(await titles({ status: ["draft", "accepted"] })).toHaveLength(2);
    expect(await titles({ owner: "mira" })).toEqual(["Region pairs"]);
    expect(await titles({ q: "central SEARCH" })).toEqual(["Logging to Splunk"]);
    expect(await titles({ q: "d02" })).toEqual(["Logging to Splunk"]);
    await expect(listDecisions(as(vic), "default", { status: "done" })).rejects.toMatchObject({ status: 400 });

    for (const actor of [vic, della]) {
      await expect(createDecision(as(actor), "default", buildDecisionInput())).rejects.toMatchObject({ status: 403 });
    }
  });

  it("exports a decision as MADR and all decisions as the template's table", async () => {
    await acceptedDecision({ title: "One DLB per region", rationale: "Custom | domains" });
    const { filename, markdown } = await exportDecisionMadr(as(vic), "default", "D01");
    expect(filename).toBe("d01-one-dlb-per-region.md");
    expect(markdown).toMatch(/^---\nstatus: "accepted"\ndate: \d{4}-\d{2}-\d{2}\n/);
    expect(markdown).toContain("# D01: One DLB per region");
    expect(markdown).toContain('consulted: "Della Delivery"');
    const table = await exportDecisionTable(as(vic), "default");
    expect(table.split("\n")[2]).toMatch(/^\| D01 \| \*\*One DLB per region\*\* .* \| Custom \\\| domains \| /);
  });
});
