import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readList, readRecord } from "@/lib/anypoint/tolerant";

const item = z.looseObject({ id: z.string(), rules: z.array(z.looseObject({ port: z.number() })).default([]) });

describe("reading answers record by record", () => {
  it("reads a bare array and the same list in its envelope alike, a null list as empty", () => {
    const list = [{ id: "a" }, { id: "b" }];
    expect(readList("GET /x", list, "data", item)).toMatchObject({ items: list, received: 2, warnings: [] });
    expect(readList("GET /x", { data: list, total: 9 }, "data", item)).toMatchObject({ items: list, total: 9 });
    expect(readList("GET /x", { content: list, totalElements: 2 }, "content", item).total).toBe(2);
    expect(readList("GET /x", { data: null }, "data", item).items).toEqual([]);
  });

  it("fails only an answer that holds no list at all", () => {
    expect(() => readList("GET /x", { data: "nope" }, "data", item)).toThrow(
      "GET /x answered in a shape the portal does not understand (data: expected a list)",
    );
    expect(() => readList("GET /x", "nope", "data", item)).toThrow(/does not understand/);
  });

  it("leaves out a bad record, and only the bad element of a record's nested list", () => {
    const read = readList(
      "GET /x",
      { data: [{ id: 7 }, { id: "b", rules: [{ port: "x" }, { port: 1 }, { port: null }] }] },
      "data",
      item,
    );
    expect(read.items).toEqual([{ id: "b", rules: [{ port: 1 }] }]);
    expect(read.received).toBe(2);
    expect(read.warnings.map((w) => [w.recordId, w.path, w.message.replace(/^.*; /, "")])).toEqual([
      ["7", "data.0.id", "the record is left out"],
      ["b", "data.1.rules.0.port", "that rules entry is left out"],
      ["b", "data.1.rules.2.port", "that rules entry is left out"],
    ]);
  });

  it("reads a single record with its nested lists element by element, failing it only for its own fields", () => {
    expect(readRecord("GET /y", { id: "r", rules: [{ port: "x" }] }, item)).toMatchObject({
      data: { id: "r", rules: [] },
      warnings: [{ endpoint: "GET /y", recordId: "r", path: "rules.0.port" }],
    });
    expect(() => readRecord("GET /y", { rules: [] }, item)).toThrow(expect.objectContaining({ path: "id" }));
  });
});
