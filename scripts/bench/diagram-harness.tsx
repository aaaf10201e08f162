// The page the diagram benchmark opens in headless Chromium: the same canvas and layout worker
// as the Topology page, fed a synthetic graph. Bundled by esbuild (scripts/bench/diagram.ts).
import { ReactFlowProvider } from "@xyflow/react";
import { createRoot } from "react-dom/client";
import type { LayoutRequest, LayoutResponse } from "@/components/topology/layout-messages";
import { TopologyCanvas } from "@/components/topology/topology-canvas";
import { prewarmLayoutWorker, takeLayoutWorker } from "@/components/topology/use-topology-layout";
import type { TopologyGraph } from "@/lib/domain/topology/types";

type Figures = { layoutMs: number; renderMs: number; nodes: number; edges: number };

declare global {
  interface Window {
    /**
     * Draws a graph (as JSON: Playwright's own serialisation of a 4 MB argument takes seconds)
     * and answers the figures, from the moment the graph is there. `warm`: the
     * worker was started and has loaded ELK before (the page starts it while it fetches the
     * diagram); otherwise it starts with the graph.
     */
    runDiagram: (graphJson: string, warm: boolean) => Promise<Figures & { totalMs: number }>;
  }
}

/** A worker that has loaded ELK: it has answered a first (empty) layout. */
function bootedWorker(): Promise<Worker> {
  const worker = new Worker("/worker.js");
  const request: LayoutRequest = {
    id: -1,
    graph: { view: "platform", nodes: [], edges: [], hasLive: false },
    pins: {},
  };
  return new Promise((resolve) => {
    worker.addEventListener("message", (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id === -1) resolve(worker);
    });
    worker.postMessage(request);
  });
}

window.runDiagram = async (graphJson, warm) => {
  const graph = JSON.parse(graphJson) as TopologyGraph;
  if (warm) {
    const worker = await bootedWorker();
    prewarmLayoutWorker(() => worker);
  }
  return new Promise((resolve) => {
    const started = performance.now();
    const host = document.getElementById("root")!;
    createRoot(host).render(
      <ReactFlowProvider>
        <div style={{ width: 1400, height: 900 }}>
          <TopologyCanvas
            graph={graph}
            pins={{}}
            canNudge={false}
            createWorker={warm ? takeLayoutWorker : () => new Worker("/worker.js")}
            onRendered={(figures) => resolve({ ...figures, totalMs: performance.now() - started })}
          />
        </div>
      </ReactFlowProvider>,
    );
  });
};
