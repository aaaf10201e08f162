// The diagram layout, off the main thread: ELK on a few thousand nodes takes long enough to
// freeze the page if run where React renders.
import ELK from "elkjs/lib/elk.bundled.js";
import { layoutTopology } from "@/lib/domain/topology/layout";
import type { LayoutRequest, LayoutResponse } from "@/components/topology/layout-messages";

const elk = new ELK();

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, pins } = event.data;
  const started = performance.now();
  try {
    const layout = await layoutTopology(graph, pins, elk);
    const response: LayoutResponse = { id, layout, ms: performance.now() - started };
    self.postMessage(response);
  } catch (error) {
    const response: LayoutResponse = { id, error: error instanceof Error ? error.message : String(error) };
    self.postMessage(response);
  }
};
