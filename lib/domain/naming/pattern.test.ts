import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildName, checkName, compilePattern, PatternError, type PatternPart } from "@/lib/domain/naming/pattern";

describe("compilePattern", () => {
  it("reads literals, words, choices, expressions and optional parts", () => {
    const pattern = compilePattern("{company}-{env:dev|tst|ppd|prd}-{api}[-v{major:/[0-9]+/}]");
    expect(pattern.parts).toEqual([
      { kind: "word", name: "company" },
      { kind: "literal", text: "-" },
      { kind: "choice", name: "env", options: ["dev", "tst", "ppd", "prd"] },
      { kind: "literal", text: "-" },
      { kind: "word", name: "api" },
      {
        kind: "optional",
        parts: [
          { kind: "literal", text: "-v" },
          { kind: "regex", name: "major", source: "[0-9]+" },
        ],
      },
    ]);
  });

  it("compiles the template's mapping-rule target patterns", () => {
    const sys = compilePattern("{scope}-sys-{system}-api-{version}-{subdomain}");
    expect(checkName(sys, "nwf-sys-sap-api-v1-eu")).toEqual({
      ok: true,
      values: { scope: "nwf", system: "sap", version: "v1", subdomain: "eu" },
    });
    const exp = compilePattern("ext-{scope}-exp-{consumer}-api-{version}-{subdomain}");
    expect(checkName(exp, "ext-nwf-exp-mobile-app-api-v2-prod").ok).toBe(true);
  });

  it.each([
    ["", "the pattern is empty"],
    ["{env:dev|}", "{env} lists an empty value"],
    ["a-{1x}", 'placeholder name "1x" at position 3 must start with a letter'],
    ["{a}-{a}", "placeholder {a} appears twice"],
    ["{a", "the placeholder at position 1 is never closed"],
    ["[-{a}", 'an optional part opened with "[" is never closed'],
    ["x]", '"]" at position 2 closes nothing'],
    ["{v:/[0-9/}", "the expression of {v} is not valid"],
    ["{v:/^x/}", "must not use ^ or $"],
    ["a[]", "the optional part at position 2 is empty"],
  ])("refuses %j: %s", (source, message) => {
    expect(() => compilePattern(source)).toThrow(PatternError);
    expect(() => compilePattern(source)).toThrow(message);
  });
});

describe("checkName", () => {
  const cloudhub = compilePattern("{company}-{env:dev|tst|ppd|prd}-{api}");

  it("passes a conforming name and returns the placeholder values", () => {
    expect(checkName(cloudhub, "nwf-prd-orders", 42)).toEqual({
      ok: true,
      values: { company: "nwf", env: "prd", api: "orders" },
    });
  });

  it("names the failing part and suggests the nearest allowed value", () => {
    expect(checkName(cloudhub, "nwf-prod-orders")).toEqual({
      ok: false,
      partIndex: 2,
      position: 4,
      message:
        '"nwf-prod-orders" does not follow {company}-{env:dev|tst|ppd|prd}-{api}: after "nwf-" expected {env} (one of dev, tst, ppd, prd), found "prod-orders"',
      suggestion: "nwf-prd-orders",
    });
  });

  it("suggests lower case and hyphens for a name in the wrong case", () => {
    const result = checkName(cloudhub, "NWF_PRD_Orders");
    expect(result).toMatchObject({ ok: false, partIndex: 0, suggestion: "nwf-prd-orders" });
  });

  it("inserts a missing literal word", () => {
    const pattern = compilePattern("{scope}-sys-{system}-api-{version}");
    expect(checkName(pattern, "nwf-sys-sap-v1")).toMatchObject({ ok: false, suggestion: "nwf-sys-sap-api-v1" });
  });

  it("refuses a name over the maximum length, with the numbers", () => {
    expect(checkName(cloudhub, "northwind-freight-prd-carrier-portal-file-exchange", 42)).toEqual({
      ok: false,
      partIndex: -1,
      position: 42,
      message: '"northwind-freight-prd-carrier-portal-file-exchange" has 50 characters; at most 42 are allowed',
      suggestion: null,
    });
  });

  it("says when the name goes on after the pattern", () => {
    const pattern = compilePattern("vpc-{company}-{env:prod|nonprod}");
    expect(checkName(pattern, "vpc-nwf-prod_2")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/matches the whole pattern .* but goes on with "_2"/),
    });
  });

  it("treats optional parts as optional", () => {
    const pattern = compilePattern("{scope}-sys-{system}-api-{version}[-{subdomain}]");
    expect(checkName(pattern, "nwf-sys-sap-api-v1").ok).toBe(true);
    expect(checkName(pattern, "nwf-sys-sap-api-v1-eu").ok).toBe(true);
  });
});

// ---- properties ----

const lowerWord = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const literalText = fc.constantFrom("-", "-api-", "-sys-", "ext-", "_", ".", "-v");
const names = ["a", "b", "c", "d", "e", "f"] as const;

/** Random patterns of up to six parts, each placeholder named once. */
const patternArb = fc
  .array(
    fc.oneof(
      literalText.map((text): PatternPart => ({ kind: "literal", text })),
      fc.constant<PatternPart>({ kind: "word", name: "" }),
      fc
        .uniqueArray(lowerWord, { minLength: 1, maxLength: 4 })
        .map((options): PatternPart => ({ kind: "choice", name: "", options })),
      fc.constantFrom("[0-9]+", "v[0-9]{1,2}").map((source): PatternPart => ({ kind: "regex", name: "", source })),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => {
    let n = 0;
    // Adjacent placeholders are separated by a hyphen so that patterns stay readable.
    const withNames = parts.map((p) => (p.kind === "literal" ? p : { ...p, name: names[n++]! }));
    const source = withNames
      .map((p, i) => {
        const text =
          p.kind === "literal"
            ? p.text
            : p.kind === "word"
              ? `{${p.name}}`
              : p.kind === "choice"
                ? `{${p.name}:${p.options.join("|")}}`
                : p.kind === "regex"
                  ? `{${p.name}:/${p.source}/}`
                  : "";
        const previous = withNames[i - 1];
        return previous && previous.kind !== "literal" && p.kind !== "literal" ? `-${text}` : text;
      })
      .join("");
    return source;
  });

/** A value for a placeholder part that it accepts; `single` keeps words to one token (an unambiguous split). */
function valueFor(part: PatternPart, seed: number, single = false): string {
  if (part.kind === "choice") return part.options[seed % part.options.length]!;
  if (part.kind === "regex") return part.source === "[0-9]+" ? String(seed % 1000) : `v${seed % 100}`;
  return (single ? ["orders", "sap", "x1", "carrier"] : ["orders", "sap-api", "x1", "carrier-portal"])[seed % 4]!;
}

describe("naming patterns, by property", () => {
  it("never crashes on random names, and answers pass or a failing part", () => {
    fc.assert(
      fc.property(patternArb, fc.string({ maxLength: 60 }), (source, name) => {
        const pattern = compilePattern(source);
        const result = checkName(pattern, name, 42);
        if (!result.ok) {
          expect(result.partIndex).toBeGreaterThanOrEqual(-1);
          expect(result.partIndex).toBeLessThan(pattern.parts.length);
          expect(result.message).toContain(name);
          if (result.suggestion !== null) expect(checkName(pattern, result.suggestion, 42).ok).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("passes every name built from a pattern", () => {
    fc.assert(
      fc.property(patternArb, fc.nat(), (source, seed) => {
        const pattern = compilePattern(source);
        const values = Object.fromEntries(
          pattern.parts
            .filter((p) => p.kind !== "literal" && p.kind !== "optional")
            .map((p, i) => [(p as { name: string }).name, valueFor(p, seed + i)]),
        );
        const name = buildName(pattern, values);
        expect(checkName(pattern, name)).toMatchObject({ ok: true });
      }),
      { numRuns: 300 },
    );
  });

  // With multi-word values a name can split several ways; with one-word values the split is unique.
  it("points at the first part that a broken value makes fail", () => {
    fc.assert(
      fc.property(patternArb, fc.nat(), fc.nat(), (source, seed, pick) => {
        const pattern = compilePattern(source);
        const placeholders = pattern.parts
          .map((p, index) => ({ p, index }))
          .filter(({ p }) => p.kind !== "literal" && p.kind !== "optional");
        fc.pre(placeholders.length > 0);
        const broken = placeholders[pick % placeholders.length]!;
        const values = Object.fromEntries(
          placeholders.map(({ p }, i) => [(p as { name: string }).name, valueFor(p, seed + i, true)]),
        );
        // Upper case fits no placeholder and no literal of these patterns.
        values[(broken.p as { name: string }).name] = "BROKEN";
        const result = checkName(pattern, buildName(pattern, values));
        expect(result).toMatchObject({ ok: false, partIndex: broken.index });
      }),
      { numRuns: 300 },
    );
  });
});
