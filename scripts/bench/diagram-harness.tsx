// The page the diagram benchmark opens in headless Chromium: the same canvas and layout worker
// as the Topology page, fed a synthetic graph. Bundled by esbuild (scripts/bench/diagram.ts).
import { ReactFlowProvider } from "@xyflow/react";
import { createRoot } from "react-dom/client";
import { TopologyCanvas } from "@/components/topology/topology-canvas";
import type { TopologyGraph } from "@/lib/domain/topology/types";

type Figures = { layoutMs: number; renderMs: number; nodes: number; edges: number };

declare global {
  interface Window {
    runDiagram: (graph: TopologyGraph) => Promise<Figures & { totalMs: number }>;
  }
}

window.runDiagram = (graph) =>
  new Promise((resolve) => {
    const started = performance.now();
    const host = document.getElementById("root")!;
    createRoot(host).render(
      <ReactFlowProvider>
        <div style={{ width: 1400, height: 900 }}>
          <TopologyCanvas
            graph={graph}
            pins={{}}
            canNudge={false}
            createWorker={() => new Worker("/worker.js")}
            onRendered={(figures) => resolve({ ...figures, totalMs: performance.now() - started })}
          />
        </div>
      </ReactFlowProvider>,
    );
  });
