import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import tailwind from "@tailwindcss/postcss";
import { build } from "esbuild";
import ELK from "elkjs/lib/elk.bundled.js";
import { chromium } from "playwright-core";
import postcss, { type AcceptedPlugin } from "postcss";
import { getEnv } from "@/lib/env";
import { buildTopology } from "@/lib/domain/topology/build";
import { layoutTopology } from "@/lib/domain/topology/layout";
import type { TopologyGraph } from "@/lib/domain/topology/types";
import { syntheticEstate } from "@/lib/fixtures/synthetic/read";
import { line, median } from "./report";

const RUNS = 5;
/** Runs with a cold worker: informational, and each pays the worker's start. */
const COLD_RUNS = 3;

/** The platform view of a synthetic estate with about `nodes` nodes. */
function graphOf(nodes: number): TopologyGraph {
  const built = new Map<number, TopologyGraph>();
  const of = (apps: number) => {
    if (!built.has(apps)) {
      const { spec, live } = syntheticEstate(apps, 42);
      built.set(apps, buildTopology("platform", { spec, live, findings: [], controlPlane: "eu" }));
    }
    return built.get(apps)!;
  };
  // Nodes grow with applications (about 3.4 each): search the application count that gives the
  // size asked for, between bounds estimated from a small estate and widened until they hold.
  const perApp = of(100).nodes.length / 100;
  let low = Math.max(1, Math.floor(nodes / perApp / 1.25));
  let high = Math.ceil((nodes / perApp) * 1.25);
  while (low > 1 && of(low).nodes.length >= nodes) low = Math.max(1, Math.floor(low / 2));
  while (of(high).nodes.length < nodes) high *= 2;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (of(mid).nodes.length < nodes) low = mid + 1;
    else high = mid;
  }
  return of(low);
}

/** Bundles the harness page and the layout worker as the browser will run them. */
export async function bundle(dir: string) {
  const common = {
    bundle: true,
    minify: true,
    logLevel: "error" as const,
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: "tsconfig.json",
  };
  await build({
    ...common,
    entryPoints: ["scripts/bench/diagram-harness.tsx"],
    outdir: dir,
    format: "esm",
    jsx: "automatic",
  });
  await build({
    ...common,
    entryPoints: { worker: "components/topology/layout-worker.ts" },
    outdir: dir,
    format: "iife",
  });
  // The page's own stylesheet (Tailwind, as `next build` compiles it): without it the canvas has no size.
  const app = await postcss([tailwind() as unknown as AcceptedPlugin]).process(
    fs.readFileSync("app/globals.css", "utf8"),
    {
      from: path.resolve("app/globals.css"),
    },
  );
  fs.writeFileSync(path.join(dir, "app.css"), app.css);
  fs.writeFileSync(
    path.join(dir, "index.html"),
    `<!doctype html><html><head><link rel="stylesheet" href="/app.css"><link rel="stylesheet" href="/diagram-harness.css"></head><body style="margin:0"><div id="root"></div><script type="module" src="/diagram-harness.js"></script></body></html>`,
  );
}

export function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
  const server = http.createServer((request, response) => {
    const file = path.join(dir, request.url === "/" ? "index.html" : path.basename(request.url ?? ""));
    if (!fs.existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

/**
 * Layout and first render of the platform diagram at 500 and 2,000 nodes: in Node (ELK alone)
 * and in headless Chromium (worker layout, React Flow's first painted frame). Budget: 2,000
 * nodes laid out and first rendered under 2 s.
 */
export async function benchDiagram() {
  const elk = new ELK();
  const graphs = [500, 2_000].map(graphOf);
  for (const graph of graphs) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      await layoutTopology(graph, {}, elk);
      times.push(performance.now() - started);
    }
    line("diagram: ELK layout (Node)", `${graph.nodes.length} nodes`, median(times), "ms");
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agp-bench-diagram-"));
  const executablePath = getEnv().chromiumPath;
  if (!fs.existsSync(executablePath)) {
    console.log(`diagram: no Chromium at ${executablePath} (set AGP_CHROMIUM_PATH); browser figures skipped`);
    return;
  }
  await bundle(dir);
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  try {
    for (const graph of graphs) {
      const size = `${graph.nodes.length} nodes`;
      const json = JSON.stringify(graph);
      for (const warm of [true, false]) {
        const layout: number[] = [];
        const render: number[] = [];
        const total: number[] = [];
        for (let run = 0; run < (warm ? RUNS : COLD_RUNS); run += 1) {
          const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
          await page.goto(server.url);
          const figures = await page.evaluate(([g, w]) => window.runDiagram(g, w), [json, warm] as const);
          layout.push(figures.layoutMs);
          render.push(figures.renderMs);
          total.push(figures.totalMs);
          await page.close();
        }
        if (warm) {
          line("diagram: layout in worker", size, median(layout), "ms");
          line("diagram: first render", size, median(render), "ms");
          // The page's path: the worker booted while the diagram was fetched.
          line(
            "diagram: layout + first render",
            size,
            median(total),
            "ms",
            graph.nodes.length >= 2_000 ? 2000 : undefined,
          );
        } else {
          line("diagram: same, worker cold", size, median(total), "ms");
        }
      }
      line("diagram: edges", size, graph.edges.length, "count");
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
