"use client";

import { useEffect, useRef, useState } from "react";
import type { LayoutRequest, LayoutResponse } from "@/components/topology/layout-messages";
import type { TopologyLayout } from "@/lib/domain/topology/layout";
import type { Pins, TopologyGraph } from "@/lib/domain/topology/types";

export type LayoutState =
  | { status: "pending" }
  | { status: "ready"; layout: TopologyLayout; graph: TopologyGraph; ms: number }
  | { status: "failed"; error: string };

/** Starts the layout worker of a diagram (one per mounted diagram). */
export function createLayoutWorker(): Worker {
  return new Worker(new URL("./layout-worker.ts", import.meta.url), { type: "module" });
}

let spare: Worker | null = null;

/**
 * Starts a layout worker before it is needed (while the page fetches the diagram), so that
 * loading and compiling ELK overlaps the request instead of following it.
 */
export function prewarmLayoutWorker(create: () => Worker = createLayoutWorker): void {
  if (!spare && typeof Worker !== "undefined") spare = create();
}

/** The prewarmed worker if there is one, else a new one. */
export function takeLayoutWorker(): Worker {
  const worker = spare ?? createLayoutWorker();
  spare = null;
  return worker;
}

/**
 * Lays a graph out in a web worker. It runs again only when the graph itself changes (a new
 * answer from the server, another filter) or `revision` does (a reset): nudges are read when it
 * runs, never a reason to run, so that a drag does not redraw the diagram.
 */
export function useTopologyLayout(
  graph: TopologyGraph | null,
  pins: Pins,
  revision = 0,
  worker?: () => Worker,
): LayoutState {
  const [state, setState] = useState<LayoutState>({ status: "pending" });
  const workerRef = useRef<Worker | null>(null);
  const pinsRef = useRef(pins);
  const sequence = useRef(0);
  useEffect(() => {
    pinsRef.current = pins;
  }, [pins]);
  const makeWorker = useRef(worker ?? takeLayoutWorker);

  useEffect(() => {
    const instance = makeWorker.current();
    workerRef.current = instance;
    return () => {
      instance.terminate();
      workerRef.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = workerRef.current;
    if (!graph || !instance) return;
    const id = ++sequence.current;
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      const answer = event.data;
      if (answer.id !== id) return;
      setState(
        "error" in answer
          ? { status: "failed", error: answer.error }
          : { status: "ready", layout: answer.layout, graph, ms: answer.ms },
      );
    };
    const onError = (event: ErrorEvent) =>
      setState({ status: "failed", error: event.message || "the layout worker failed" });
    instance.addEventListener("message", onMessage);
    instance.addEventListener("error", onError);
    const request: LayoutRequest = { id, graph, pins: pinsRef.current };
    instance.postMessage(request);
    return () => {
      instance.removeEventListener("message", onMessage);
      instance.removeEventListener("error", onError);
    };
  }, [graph, revision]);

  return state;
}
