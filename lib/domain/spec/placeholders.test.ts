import { describe, expect, it } from "vitest";
import { findPlaceholders, isFilled, isPlaceholder, placeholderTexts } from "@/lib/domain/spec/placeholders";

describe("placeholders of the template", () => {
  it.each([
    ["TODO", "TODO marker"],
    ["TODO: update the table", "TODO marker"],
    ["[TODO]", "TODO marker"],
    ["TBD", "TBD marker"],
    ["<Describe the current state solution landscape>", "instruction in angle brackets"],
    ["<4>", "instruction in angle brackets"],
    ["<<Internal corporate CIDRs>>", "instruction in angle brackets"],
    ["Everyone at [CUSTOMER]", "customer placeholder"],
    ["[Titanium / Platinum / Gold]", "customer placeholder"],
    ["x.x.x.x", "dummy address"],
    ["x.x.x.x/24", "dummy address"],
    ["see (link)", "dummy link"],
    ["(#)", "dummy link"],
  ])("recognises %s as a %s", (text, label) => {
    expect(findPlaceholders(text)).toContain(label);
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(["10.0.0.0/16", "Production vCores", "todolist-sys-api", "Not applicable at this stage."])(
    "leaves real values alone: %s",
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    },
  );

  it("counts only real values as filled", () => {
    expect(isFilled("eu-central-1")).toBe(true);
    expect(isFilled(0)).toBe(true);
    expect(isFilled(false)).toBe(true);
    expect(isFilled(["a"])).toBe(true);
    expect(isFilled("")).toBe(false);
    expect(isFilled("   ")).toBe(false);
    expect(isFilled(null)).toBe(false);
    expect(isFilled([])).toBe(false);
    expect(isFilled("TBD")).toBe(false);
    expect(isFilled(["10.0.0.0/8", "x.x.x.x/24"])).toBe(false);
  });

  it("gives the placeholders as written, a TODO with the rest of its line", () => {
    expect(placeholderTexts("The DR VPC needs a third: TODO confirm with the account team\nThanks")).toEqual([
      "TODO confirm with the account team",
    ]);
    expect(placeholderTexts("<<Internal corporate CIDRs>> and x.x.x.x/24")).toEqual([
      "<<Internal corporate CIDRs>>",
      "x.x.x.x/24",
    ]);
    expect(placeholderTexts("10.0.0.0/8")).toEqual([]);
  });
});
