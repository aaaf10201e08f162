// A static picture of the planned platform for the printed specification: control plane, runtime
// regions, VPCs (with CIDR and environments) holding their load balancers and applications per
// environment, VPN tunnels to the corporate data centre, and the backend systems below. Laid out
// on a grid so that the same specification always gives the same picture.

import type { WritableRecord } from "@/lib/domain/document/write-spec";

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const VPC_WIDTH = 280;
const GAP = 24;
const LINE = 16;

/** The planned platform as an SVG document (deterministic for the same records). */
export function renderPlatformSvg(records: readonly WritableRecord[]): string {
  const of = (kind: string) => records.filter((r) => r.kind === kind);
  const byId = new Map(records.map((r) => [r.id, r]));
  const title = (id: unknown) => (typeof id === "string" ? (byId.get(id)?.title ?? "?") : "");
  const vpcs = of("vpc");
  const regions = [...new Set(vpcs.map((v) => String(v.data.region)))].sort();
  const apps = of("application");
  const vpns = of("vpn");
  const systems = of("system");

  // Each VPC's content: its DLBs, then its environments with their planned applications.
  const boxes = vpcs.map((vpc) => {
    const envIds = (vpc.data.environments as string[] | undefined) ?? [];
    const lines: { text: string; className: string }[] = [];
    for (const lb of of("load-balancer").filter((l) => l.data.vpc === vpc.id))
      lines.push({ text: `DLB ${clip(lb.title, 26)} (${String(lb.data.role)})`, className: "lb" });
    for (const envId of envIds) {
      const count = apps.filter((a) => ((a.data.environments as string[] | undefined) ?? []).includes(envId)).length;
      lines.push({
        text: `${clip(title(envId), 20)}: ${count} application${count === 1 ? "" : "s"}`,
        className: "env",
      });
    }
    return { vpc, lines, height: 58 + Math.max(1, lines.length) * (LINE + 6) };
  });

  const top = 20;
  const regionTop = top + 70;
  const regionHeights = regions.map((region) =>
    Math.max(80, ...boxes.filter((b) => b.vpc.data.region === region).map((b) => b.height + 50)),
  );
  const regionWidths = regions.map((region) => {
    const n = boxes.filter((b) => b.vpc.data.region === region).length;
    return Math.max(1, n) * (VPC_WIDTH + GAP) + GAP;
  });
  const width = Math.max(
    640,
    regionWidths.reduce((a, b) => a + b + GAP, GAP),
  );
  const regionBottom = regionTop + Math.max(80, ...regionHeights);
  const dcTop = regionBottom + 60;
  const systemsTop = dcTop + 90;
  const systemRows = Math.ceil(systems.length / 4);
  const height = systemsTop + 40 + systemRows * 48 + 20;

  const parts: string[] = [];
  const vpcCentre = new Map<string, { x: number; bottom: number }>();
  parts.push(
    `<rect class="plane" x="${GAP}" y="${top}" width="${width - 2 * GAP}" height="44" rx="6"/>`,
    `<text x="${width / 2}" y="${top + 27}" text-anchor="middle" class="heading">Anypoint control plane</text>`,
  );
  let x = GAP;
  regions.forEach((region, i) => {
    const w = regionWidths[i]!;
    parts.push(
      `<rect class="region" x="${x}" y="${regionTop}" width="${w}" height="${regionHeights[i]}" rx="8"/>`,
      `<text x="${x + 12}" y="${regionTop + 20}" class="label">Runtime region ${escapeXml(region)}</text>`,
    );
    let vx = x + GAP;
    for (const box of boxes.filter((b) => b.vpc.data.region === region)) {
      const y = regionTop + 34;
      const envs = ((box.vpc.data.environments as string[] | undefined) ?? []).map(title).join(", ");
      parts.push(
        `<g class="vpc" data-id="${escapeXml(box.vpc.id)}">`,
        `<rect x="${vx}" y="${y}" width="${VPC_WIDTH}" height="${box.height}" rx="6"/>`,
        `<text x="${vx + 10}" y="${y + 20}" class="heading">${escapeXml(clip(box.vpc.title, 30))}</text>`,
        `<text x="${vx + 10}" y="${y + 38}" class="small">${escapeXml(String(box.vpc.data.cidr))}${envs ? ` · ${escapeXml(clip(envs, 28))}` : ""}</text>`,
        ...box.lines.map(
          (line, j) =>
            `<rect class="${line.className}" x="${vx + 10}" y="${y + 50 + j * (LINE + 6)}" width="${VPC_WIDTH - 20}" height="${LINE + 2}" rx="3"/>` +
            `<text x="${vx + 16}" y="${y + 63 + j * (LINE + 6)}" class="small">${escapeXml(line.text)}</text>`,
        ),
        `</g>`,
      );
      vpcCentre.set(box.vpc.id, { x: vx + VPC_WIDTH / 2, bottom: y + box.height });
      vx += VPC_WIDTH + GAP;
    }
    x += w + GAP;
  });

  parts.push(
    `<rect class="dc" x="${GAP}" y="${dcTop}" width="${width - 2 * GAP}" height="44" rx="6"/>`,
    `<text x="${width / 2}" y="${dcTop + 27}" text-anchor="middle" class="heading">Corporate data centre</text>`,
  );
  vpns.forEach((vpn, i) => {
    const from = vpcCentre.get(String(vpn.data.vpc));
    if (!from) return;
    const offset = (i % 3) * 14 - 14;
    parts.push(
      `<line class="vpn" x1="${from.x + offset}" y1="${from.bottom}" x2="${from.x + offset}" y2="${dcTop}"/>`,
      `<text x="${from.x + offset + 6}" y="${(from.bottom + dcTop) / 2 + i * 12}" class="small">VPN ${escapeXml(clip(vpn.title, 24))}</text>`,
    );
  });
  parts.push(`<text x="${GAP}" y="${systemsTop + 14}" class="label">Backend systems</text>`);
  const systemWidth = (width - 2 * GAP - 3 * 12) / 4;
  systems.forEach((system, i) => {
    const sx = GAP + (i % 4) * (systemWidth + 12);
    const sy = systemsTop + 24 + Math.floor(i / 4) * 48;
    parts.push(
      `<rect class="system" x="${sx}" y="${sy}" width="${systemWidth}" height="38" rx="4"/>`,
      `<text x="${sx + 8}" y="${sy + 16}" class="small">${escapeXml(clip(system.title, 30))}</text>`,
      `<text x="${sx + 8}" y="${sy + 31}" class="tiny">${escapeXml(clip(String(system.data.protocol || system.data.deploymentModel || ""), 36))}</text>`,
    );
  });

  const style = [
    "text{font-family:system-ui,sans-serif;fill:#0f172a}",
    ".heading{font-size:14px;font-weight:600}",
    ".label{font-size:12px;font-weight:600;fill:#334155}",
    ".small{font-size:11px}",
    ".tiny{font-size:10px;fill:#475569}",
    ".plane{fill:#e0e7ff;stroke:#4338ca}",
    ".region{fill:#f8fafc;stroke:#94a3b8;stroke-dasharray:4 3}",
    ".vpc rect:first-child{fill:#ffffff;stroke:#0f766e;stroke-width:1.5}",
    ".lb{fill:#fef3c7;stroke:#b45309}",
    ".env{fill:#ecfdf5;stroke:#047857}",
    ".dc{fill:#f1f5f9;stroke:#334155}",
    ".vpn{stroke:#7c3aed;stroke-width:2;stroke-dasharray:6 4}",
    ".system{fill:#ffffff;stroke:#64748b}",
  ].join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="platform-diagram-title">`,
    `<title id="platform-diagram-title">Platform diagram: ${vpcs.length} VPCs in ${regions.length} regions, ${vpns.length} VPNs, ${systems.length} backend systems</title>`,
    `<style>${style}</style>`,
    ...parts,
    `</svg>`,
  ].join("\n");
}
