"use client";

import type { TopologyLayout } from "@/lib/domain/topology/layout";
import { renderTopologySvg } from "@/lib/domain/topology/svg";
import type { TopologyGraph } from "@/lib/domain/topology/types";

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browsers refuse canvases much larger than this on a side. */
const MAX_CANVAS_SIDE = 16_000;

/** Downloads the whole diagram (not the viewport) as SVG. */
export function downloadSvg(graph: TopologyGraph, layout: TopologyLayout, title: string, filename: string) {
  download(new Blob([renderTopologySvg(graph, layout, title)], { type: "image/svg+xml" }), filename);
}

/** Downloads the whole diagram as PNG: the SVG drawn onto a canvas, at twice the size when it fits. */
export async function downloadPng(graph: TopologyGraph, layout: TopologyLayout, title: string, filename: string) {
  const svg = renderTopologySvg(graph, layout, title);
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
  const width = Number(w);
  const height = Number(h);
  const scale = Math.min(2, MAX_CANVAS_SIDE / Math.max(width, height));
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the browser could not draw the diagram"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("this browser has no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the diagram is too large for a PNG in this browser; export SVG instead");
    download(blob, filename);
  } finally {
    URL.revokeObjectURL(url);
  }
}
