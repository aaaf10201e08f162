import { describe, expect, it } from "vitest";
import { openedRecord } from "@/components/opened-record";

describe("a section opened with ?edit=<id>", () => {
  const records = [
    { id: "a", title: "vpc-a" },
    { id: "b", title: "vpc-b" },
  ];

  it("opens that record's editor, or its history for a reader", () => {
    expect(openedRecord(records, "b", true)).toEqual({ mode: "edit", record: records[1] });
    expect(openedRecord(records, "b", false)).toEqual({ mode: "history", record: records[1] });
  });

  it("says when the record is gone, and opens nothing without an id", () => {
    expect(openedRecord(records, "gone", true)).toEqual({ mode: "missing", id: "gone" });
    expect(openedRecord(records, undefined, true)).toBeNull();
    expect(openedRecord(records, "", true)).toBeNull();
  });
});
