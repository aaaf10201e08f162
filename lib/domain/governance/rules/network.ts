import { applicationIndex, type ApplicationIndex } from "@/lib/domain/governance/rules/applications";
import type { Rule, RuleContext, RuleFinding } from "@/lib/domain/governance/types";
import { wasRead } from "@/lib/domain/live/read-scope";
import { readList, type LiveResource } from "@/lib/domain/live/snapshot";
import { cidrProblem, cidrsOverlap, parseCidr, type Cidr } from "@/lib/domain/spec/network";
import { compilePattern, type CompiledPattern } from "@/lib/domain/naming/pattern";
import { isFilled } from "@/lib/domain/spec/placeholders";
import { listOf } from "@/lib/domain/governance/rules/phrases";

const tryCidr = (value: unknown): Cidr | null =>
  typeof value === "string" && cidrProblem(value) === null ? parseCidr(value) : null;

type Block = {
  owner: string;
  kind: "vpc" | "private-space" | "vpn";
  cidr: string;
  parsed: Cidr;
  source: "plan" | "live";
  id: string;
};

/** Address blocks of networks (VPCs, private spaces) and of what VPNs reach, from the plan and the estate. */
function blocks(context: RuleContext): Block[] {
  const out: Block[] = [];
  const add = (block: Omit<Block, "parsed">) => {
    const parsed = tryCidr(block.cidr);
    if (parsed) out.push({ ...block, parsed });
  };
  const liveVpcs = new Set(context.live("vpc").map((v) => v.name.toLowerCase()));
  for (const vpc of context.spec("vpc")) {
    // The estate's value wins where both exist (drift reports the difference).
    if (!liveVpcs.has(vpc.title.toLowerCase()))
      add({ owner: vpc.title, kind: "vpc", cidr: String(vpc.data.cidr ?? ""), source: "plan", id: vpc.id });
  }
  for (const vpn of context.spec("vpn")) {
    for (const route of (vpn.data.staticRoutes as string[] | undefined) ?? []) {
      add({ owner: vpn.title, kind: "vpn", cidr: route, source: "plan", id: vpn.id });
    }
  }
  for (const vpc of context.live("vpc"))
    add({ owner: vpc.name, kind: "vpc", cidr: String(vpc.attributes.cidr ?? ""), source: "live", id: vpc.externalId });
  for (const space of context.live("private-space")) {
    add({
      owner: space.name,
      kind: "private-space",
      cidr: String(space.attributes.cidr ?? ""),
      source: "live",
      id: space.externalId,
    });
  }
  for (const vpn of context.live("vpn")) {
    for (const network of (vpn.attributes.remoteNetworks as string[] | undefined) ?? []) {
      add({ owner: vpn.name, kind: "vpn", cidr: network, source: "live", id: vpn.externalId });
    }
  }
  return out;
}

const internalPorts = { from: 8091, to: 8092 };
const openToAll = (cidr: unknown) => cidr === "0.0.0.0/0";

/** Planned roles of load balancers, by name. */
const roles = (context: RuleContext) =>
  new Map(context.spec("load-balancer").map((lb) => [lb.title.toLowerCase(), String(lb.data.role ?? "")]));

/** A mapping-rule target as a pattern: `{app}` stands for any name CloudHub allows. */
function targetPattern(target: string): RegExp | null {
  try {
    const compiled: CompiledPattern = compilePattern(
      target.replace(/\{([a-z][a-zA-Z0-9_]*)\}/g, "{$1:/[a-z0-9.&?_-]+/}"),
    );
    return compiled.regex;
  } catch {
    return null;
  }
}

/** The targets of the mapping rules, read once for the rules that look at them. */
type MappingTargets = {
  /** Literal targets of planned and live rules, lower case. */
  literals: Set<string>;
  /** Targets with placeholders ({app}-{env}), as written. */
  patterns: Set<string>;
  /** Live rules with a literal target that no live application has (the name, case-insensitive). */
  dangling: LiveResource[];
  count: number;
};

const targetsCache = new WeakMap<RuleContext, MappingTargets>();

function mappingTargets(context: RuleContext): MappingTargets {
  const cached = targetsCache.get(context);
  if (cached) return cached;
  const targets: MappingTargets = { literals: new Set(), patterns: new Set(), dangling: [], count: 0 };
  const add = (value: unknown) => {
    const text = String(value ?? "");
    if (text.includes("{")) {
      targets.patterns.add(text);
      return null;
    }
    const target = text.toLowerCase();
    targets.literals.add(target);
    return target;
  };
  const planned = context.spec("mapping-rule");
  for (let i = 0; i < planned.length; i += 1) add(planned[i]!.data.targetApp);
  // 5 or more rules per application: each distinct target is lower-cased and looked up once.
  const live = context.live("mapping-rule");
  const deployed = new Map<unknown, boolean>();
  let index: ApplicationIndex | null = null;
  for (let i = 0; i < live.length; i += 1) {
    const value = live[i]!.attributes.appName;
    let found = deployed.get(value);
    if (found === undefined) {
      const target = add(value);
      index ??= applicationIndex(context);
      // An empty target or a pattern is not a target that can dangle.
      deployed.set(value, (found = !target || index.isLive(target)));
    }
    if (!found) targets.dangling.push(live[i]!);
  }
  targets.count = planned.length + live.length;
  targetsCache.set(context, targets);
  return targets;
}

export const networkRules: Rule[] = [
  {
    id: "NET-CIDR-OVERLAP",
    title: "Overlapping address ranges",
    category: "network",
    severity: "error",
    reads: ["vpc", "private-space", "vpn"],
    rationale:
      "VPCs and private spaces that overlap cannot be peered or routed to each other, and a network that overlaps what a VPN reaches makes those corporate addresses unreachable.",
    remediation: "Give each network a range of its own (VPC ranges cannot change: plan the new one and migrate).",
    needsLive: false,
    evaluate: (context) => {
      const all = blocks(context);
      const findings: RuleFinding[] = [];
      for (let i = 0; i < all.length; i += 1) {
        for (let j = i + 1; j < all.length; j += 1) {
          const a = all[i]!;
          const b = all[j]!;
          if (a.kind === "vpn" && b.kind === "vpn") continue;
          if (a.owner.toLowerCase() === b.owner.toLowerCase() || !cidrsOverlap(a.parsed, b.parsed)) continue;
          const [first, second] = [a, b].sort((x, y) => x.owner.localeCompare(y.owner));
          const describe = (x: Block) =>
            `${x.kind === "vpn" ? "VPN" : x.kind === "vpc" ? "VPC" : "private space"} "${x.owner}" (${x.cidr})`;
          findings.push({
            resourceKind: first!.kind,
            resourceName: first!.owner,
            message: `${describe(first!)} overlaps ${describe(second!)}`,
            remediation: `Give ${describe(first!)} or ${describe(second!)} a range of its own${[a, b].some((x) => x.kind === "vpc") ? " (a VPC's range cannot change: plan the new VPC and migrate to it)" : ""}`,
            specRecordId: first!.source === "plan" ? first!.id : null,
            liveExternalId: first!.source === "live" ? first!.id : null,
            detail: `${second!.owner.toLowerCase()}:${second!.cidr}`,
          });
        }
      }
      return findings;
    },
  },
  {
    id: "NET-VPC-SIZE",
    title: "VPC range outside /24 to /16",
    category: "network",
    severity: "error",
    reads: ["vpc"],
    rationale: "Anypoint VPCs take a range from /16 (largest) to /24 (smallest).",
    remediation: "Choose a range between /16 and /24.",
    needsLive: true,
    evaluate: (context) =>
      context
        .live("vpc")
        .map((vpc) => ({ vpc, parsed: tryCidr(vpc.attributes.cidr) }))
        .filter(({ parsed }) => parsed && (parsed.prefix < 16 || parsed.prefix > 24))
        .map(({ vpc, parsed }) => ({
          resourceKind: "vpc" as const,
          resourceName: vpc.name,
          message: `VPC "${vpc.name}" has the range ${String(vpc.attributes.cidr)}: /${parsed!.prefix} is outside /16 to /24`,
          remediation: `Replace VPC "${vpc.name}" (${String(vpc.attributes.cidr)}) with a VPC whose range is between /16 and /24, and move its applications to it (a VPC's range cannot change)`,
          liveExternalId: vpc.externalId,
        })),
  },
  {
    id: "NET-FIREWALL-INTERNAL-OPEN",
    title: "Internal ports open to the internet",
    category: "network",
    severity: "error",
    reads: ["firewall-rule"],
    rationale:
      "Ports 8091 and 8092 are the ones dedicated load balancers and internal callers use; opening them to 0.0.0.0/0 exposes every application behind the DLB directly.",
    remediation: "Restrict the rule to the VPC's own range and the corporate networks that need it.",
    needsLive: false,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      const covers = (from: number, to: number) => from <= internalPorts.to && to >= internalPorts.from;
      for (const rule of context.spec("firewall-rule")) {
        const from = Number(rule.data.fromPort);
        const to = Number(rule.data.toPort);
        if (!openToAll(rule.data.source) || !covers(from, to)) continue;
        const planned = context.byId(rule.data.vpc);
        const vpc = planned?.title ?? "?";
        const range = tryCidr(planned?.data.cidr);
        findings.push({
          resourceKind: "firewall-rule",
          resourceName: `${vpc} ${String(rule.data.source)} ${from}-${to}`,
          message: `Planned firewall rule of VPC "${vpc}" opens ports ${from}-${to} to 0.0.0.0/0, including the internal ports 8091-8092`,
          remediation: `Change the source of the rule opening ports ${from}-${to} of VPC "${vpc}" from 0.0.0.0/0 to the VPC's own range${range ? ` (${String(planned!.data.cidr)})` : ""} and the corporate networks that need them`,
          specRecordId: rule.id,
        });
      }
      const ranges = new Map(
        [...context.live("vpc"), ...context.live("private-space")].map((n) => [
          `${n.kind}\u0000${n.name}`,
          n.attributes.cidr,
        ]),
      );
      for (const rule of context.live("firewall-rule")) {
        const from = Number(rule.attributes.fromPort);
        const to = Number(rule.attributes.toPort);
        if (rule.attributes.direction !== "inbound" || !openToAll(rule.attributes.cidr) || !covers(from, to)) continue;
        const own = ranges.get(`${String(rule.attributes.networkKind)}\u0000${String(rule.attributes.network)}`);
        findings.push({
          resourceKind: "firewall-rule",
          resourceName: rule.name,
          businessGroup: rule.businessGroup,
          message: `Firewall rule of ${rule.attributes.networkKind === "vpc" ? "VPC" : "private space"} "${String(rule.attributes.network)}" opens ports ${from}-${to} to 0.0.0.0/0, including the internal ports 8091-8092`,
          remediation: `Change the source of the rule opening ports ${from}-${to} of "${String(rule.attributes.network)}" in Anypoint from 0.0.0.0/0 to the network's own range${typeof own === "string" ? ` (${own})` : ""} and the corporate networks that need them`,
          liveExternalId: rule.externalId,
        });
      }
      return findings;
    },
  },
  {
    id: "NET-DLB-INTERNAL-OPEN",
    title: "Internal load balancer open to everyone",
    category: "network",
    severity: "error",
    reads: ["load-balancer"],
    rationale:
      "An internal load balancer exists to serve internal callers; an allowlist with 0.0.0.0/0, or none, lets the whole internet in.",
    remediation: "List only the corporate and partner ranges that call it.",
    needsLive: false,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      const planned = roles(context);
      /** The ranges the plan allows besides 0.0.0.0/0: what a live allowlist should list instead. */
      const ranges = new Map<string, string[]>();
      for (const lb of context.spec("load-balancer")) {
        if (lb.data.role !== "internal") continue;
        const allowlist = (lb.data.allowlistedCidrs as string[] | undefined) ?? [];
        const others = allowlist.filter((cidr) => isFilled(cidr) && !openToAll(cidr));
        ranges.set(lb.title.toLowerCase(), others);
        if (allowlist.some(openToAll)) {
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.title,
            message: `Internal load balancer "${lb.title}" is planned with 0.0.0.0/0 in its allowlist`,
            remediation: `Replace 0.0.0.0/0 in the planned allowlist of internal load balancer "${lb.title}" with the corporate and partner ranges that call it${others.length ? ` (besides ${listOf(others)})` : ""}`,
            specRecordId: lb.id,
          });
        }
      }
      for (const lb of context.live("load-balancer")) {
        if (planned.get(lb.name.toLowerCase()) !== "internal") continue;
        // An allowlist Anypoint did not answer is unknown: neither empty nor open.
        const allowlist = readList(lb.attributes.allowlist);
        if (allowlist && (allowlist.length === 0 || allowlist.some(openToAll))) {
          const wanted = ranges.get(lb.name.toLowerCase()) ?? [];
          const plan = wanted.length ? ` (the specification plans ${listOf(wanted)})` : "";
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.name,
            businessGroup: lb.businessGroup,
            message: `Internal load balancer "${lb.name}" ${allowlist.length === 0 ? "has an empty allowlist" : "allows 0.0.0.0/0"} in Anypoint`,
            remediation:
              allowlist.length === 0
                ? `List the corporate and partner ranges that call internal load balancer "${lb.name}" in its allowlist in Anypoint${plan}`
                : `Replace 0.0.0.0/0 in the allowlist of internal load balancer "${lb.name}" in Anypoint with the corporate and partner ranges that call it${plan}`,
            liveExternalId: lb.externalId,
            detail: "live",
          });
        }
      }
      return findings;
    },
  },
  {
    id: "NET-DLB-TLS",
    title: "Load balancer accepts TLS 1.0 or plain HTTP",
    category: "network",
    severity: "error",
    reads: ["load-balancer", "tls-endpoint"],
    rationale:
      'TLS 1.0/1.1 support on dedicated load balancers ends (new DLBs 2025-10-02, existing 2026-01-31) and is weak; HTTP mode "on" serves traffic unencrypted.',
    remediation: "Disable TLS 1.0 (cipher suite NewDefault-v1) and set the HTTP mode to redirect or off.",
    needsLive: false,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      for (const lb of context.spec("load-balancer")) {
        if (lb.data.tls10Allowed === true) {
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.title,
            message: `Load balancer "${lb.title}" is planned with TLS 1.0 allowed`,
            remediation: `Set "TLS 1.0 allowed" of "${lb.title}" to no in the specification, and build it with the cipher suite NewDefault-v1`,
            specRecordId: lb.id,
            detail: "tls10",
          });
        }
        if (lb.data.httpMode === "on") {
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.title,
            message: `Load balancer "${lb.title}" is planned to serve plain HTTP (mode on)`,
            remediation: `Plan the HTTP mode of "${lb.title}" as redirect or off`,
            severity: "warning",
            specRecordId: lb.id,
            detail: "http",
          });
        }
      }
      for (const lb of context.live("load-balancer")) {
        if (lb.attributes.tlsv1 === true) {
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.name,
            message: `Load balancer "${lb.name}" accepts TLS 1.0 in Anypoint`,
            remediation: `Disable TLS 1.0 on "${lb.name}" in Anypoint (cipher suite NewDefault-v1)`,
            liveExternalId: lb.externalId,
            detail: "tls10",
          });
        }
        if (lb.attributes.httpMode === "on") {
          findings.push({
            resourceKind: "load-balancer",
            resourceName: lb.name,
            message: `Load balancer "${lb.name}" serves plain HTTP (mode on) in Anypoint`,
            remediation: `Set the HTTP mode of "${lb.name}" in Anypoint to redirect or off`,
            severity: "warning",
            liveExternalId: lb.externalId,
            detail: "http",
          });
        }
      }
      return findings;
    },
  },
  {
    id: "NET-MAPPING-DANGLING",
    title: "Mapping rule targets an application that does not exist",
    category: "network",
    severity: "warning",
    reads: ["mapping-rule", "application"],
    rationale:
      "A rule whose literal target app is not deployed answers 502 for every request it matches, and hides the rules after it.",
    remediation: "Point the rule at the deployed application, or remove it.",
    needsLive: true,
    evaluate: (context) => {
      const findings: RuleFinding[] = [];
      // A target in an environment whose applications were not read may well be deployed.
      if (!wasRead(context.input.liveScopes ?? [], { kind: "application" })) return findings;
      for (const rule of mappingTargets(context).dangling) {
        findings.push({
          resourceKind: "mapping-rule",
          resourceName: rule.name,
          businessGroup: rule.businessGroup,
          message: `Mapping rule ${String(rule.attributes.order)} of "${String(rule.attributes.loadBalancer)}" sends ${String(rule.attributes.inputUri)} to "${String(rule.attributes.appName)}", which is not deployed`,
          remediation: `Point mapping rule ${String(rule.attributes.order)} of "${String(rule.attributes.loadBalancer)}" (${String(rule.attributes.inputUri)}) at the deployed application it means instead of "${String(rule.attributes.appName)}", or remove it`,
          liveExternalId: rule.externalId,
        });
      }
      return findings;
    },
  },
  {
    id: "NET-EXPERIENCE-UNREACHABLE",
    title: "Experience API reached by no mapping rule",
    category: "network",
    severity: "warning",
    reads: ["application", "mapping-rule"],
    rationale:
      "Experience APIs are the ones consumers call through the load balancers; one no mapping rule reaches is not reachable as designed.",
    remediation: "Add a mapping rule (or a pattern) that targets it, or correct its name.",
    needsLive: false,
    evaluate: (context) => {
      // Literal targets are looked up; each distinct pattern is compiled once.
      // Mapping rules of a load balancer that was not read might reach it.
      if (!wasRead(context.input.liveScopes ?? [], { kind: "mapping-rule" })) return [];
      const targets = mappingTargets(context);
      const targetCount = targets.count;
      const patterns = [...targets.patterns].map(targetPattern).filter((p): p is RegExp => p !== null);
      const reached = (name: string) => targets.literals.has(name.toLowerCase()) || patterns.some((p) => p.test(name));
      // A name the patterns would reach is the other way to the same end: name a few of them.
      const written = [...targets.patterns];
      const shown = written.length > 3 ? [...written.slice(0, 3), `${written.length - 3} more`] : written;
      const rename = written.length
        ? `rename it to match ${written.length === 1 ? "the target pattern" : "one of the target patterns"} ${listOf(shown)}`
        : "correct its name in the specification";
      return context
        .spec("application")
        .filter((app) => app.data.layer === "experience" && !reached(app.title))
        .map((app) => ({
          resourceKind: "application" as const,
          resourceName: app.title,
          message: `Experience application "${app.title}" matches no mapping rule's target${targetCount ? "" : " (there are no mapping rules)"}`,
          remediation: `Add a mapping rule that targets "${app.title}" to the load balancer its consumers call, or ${rename}`,
          specRecordId: app.id,
        }));
    },
  },
];
