import { describe, expect, it } from "vitest";
import { nearlySameName } from "@/lib/domain/document/merge-questions";
import { readSpecDocument } from "@/lib/domain/document/read-spec";

const keySystems = (...rows: string[]) => [
  "## 1.2 Key Systems",
  "",
  "| System | Description | Deployment Model | Key integration concerns |",
  "|---|---|---|---|",
  ...rows,
  "",
];
const catalog = (...rows: string[]) => [
  "## 10.1 Backend Systems Catalog",
  "",
  "| System name | Location | Access Protocol | Host | Access |",
  "|---|---|---|---|---|",
  ...rows,
  "",
];
const read = (answers: Parameters<typeof readSpecDocument>[1] = {}, ...parts: string[][]) =>
  readSpecDocument([{ name: "spec.md", text: parts.flat().join("\n") }], answers);
const epicKey = "| Epic | Electronic health record | On-premise | HL7 v2 feeds |";
const epicCatalog = "| Epic EHR | Hospital data centre | HL7 over MLLP | epic.hospital.example | via VPN |";

describe("nearlySameName", () => {
  it("says why two names may be one thing, and nothing for names that only look alike", () => {
    expect(nearlySameName("Epic", "Epic EHR - production")).toBe("“Epic” is the start of “Epic EHR - production”");
    expect(nearlySameName("Sales Force", "Salesforce")).toBe("the same letters, spaced differently");
    expect(nearlySameName("Manhatan WMS", "Manhattan WMS")).toBe("a letter or two apart");
    expect(nearlySameName("SAP ECC", "SAP S/4HANA")).toBeNull();
    expect(nearlySameName("Epic EHR", "epic ehr")).toBeNull(); // the same name: merged, not asked
    expect(nearlySameName("QA", "QAS")).toBeNull(); // too short to tell
  });
});

describe("asking whether two tables name one thing", () => {
  it("asks about a key system and a catalog row whose names only begin alike, and merges neither", () => {
    const draft = read({}, keySystems(epicKey), catalog(epicCatalog));
    expect(draft.records.map((r) => r.data.name)).toEqual(["Epic", "Epic EHR"]);
    expect(draft.questions).toEqual([
      {
        kind: "system",
        names: ["Epic", "Epic EHR"],
        places: [
          { file: "spec.md", line: 5, section: "1.2 Key Systems" },
          { file: "spec.md", line: 11, section: "10.1 Backend Systems Catalog" },
        ],
        why: "“Epic” is the start of “Epic EHR”",
      },
    ]);
  });

  it("makes them one record when the answer is the same, and stops asking when it is two", () => {
    const same = read(
      { answers: [{ kind: "system", names: ["Epic EHR", "Epic"], same: true }] },
      keySystems(epicKey),
      catalog(epicCatalog),
    );
    expect(same.records.map((r) => [r.data.name, r.data.host])).toEqual([["Epic", "epic.hospital.example"]]);
    expect(same.merged).toMatchObject([{ title: "Epic", rule: "said to be the same in the preview" }]);
    expect(same.questions).toEqual([]);
    const two = read(
      { answers: [{ kind: "system", names: ["Epic", "Epic EHR"], same: false }] },
      keySystems(epicKey),
      catalog(epicCatalog),
    );
    expect(two.records).toHaveLength(2);
    expect(two.questions).toEqual([]);
  });

  it("does not ask about two rows of one table: a table lists different things", () => {
    const draft = read({}, catalog(epicCatalog, "| Epic | Cloud | REST | epic.cloud.example | public internet |"));
    expect(draft.questions).toEqual([]);
  });
});
