import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/log";
import { ServiceError } from "@/lib/services/errors";

// Debian's Chromium, offline: without these flags it tries to reach the network (stack notes).
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Prints a self-contained HTML document to an A4 PDF with headless Chromium. The page may load
 * nothing from the network: everything it shows is in the document.
 */
export async function renderPdf(html: string, title: string): Promise<Uint8Array> {
  const executablePath = getEnv().chromiumPath;
  if (!existsSync(executablePath))
    throw new ServiceError(
      503,
      "pdf_unavailable",
      `PDF export needs Chromium at ${executablePath}: install it (apt-get install chromium) or set AGP_CHROMIUM_PATH. The HTML export prints from any browser meanwhile.`,
    );
  const started = Date.now();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, timeout: 30_000 });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout: 30_000 });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;display:flex;justify-content:space-between;color:#475569"><span>${title.replace(/[<>&"]/g, "")}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      margin: { top: "16mm", bottom: "18mm", left: "14mm", right: "14mm" },
      outline: true,
      tagged: true,
    });
    getLogger().info({ ms: Date.now() - started, bytes: pdf.byteLength }, "specification printed to PDF");
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
