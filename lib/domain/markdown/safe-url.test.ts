import { describe, expect, it } from "vitest";
import { safeLinkUrl } from "@/lib/domain/markdown/safe-url";

describe("safeLinkUrl", () => {
  it.each(["https://docs.mulesoft.com/x", "http://intranet/wiki", "mailto:platform@example.com"])("keeps %s", (url) => {
    expect(safeLinkUrl(url)).toBe(url);
  });

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "/relative/path",
    "not a url",
  ])("drops %j", (url) => {
    expect(safeLinkUrl(url)).toBeNull();
  });
});
