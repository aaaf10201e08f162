// The template's chapters and sections in the order the export writes them. A kind's table says
// which of these sections (or chapters) it is written in; the reader recognises sections by name.

/** The chapters of the template, each with its numbered title and its sections. */
export const outline = [
  {
    title: "1. Business and Solution Context",
    sections: [
      "Goals and Objectives",
      "Key Systems",
      "Current State Challenges",
      "Integration Architecture Principles",
      "Assumptions and Dependencies",
    ],
  },
  { title: "2. Architecture Decisions", sections: [], decisions: true },
  { title: "3. Anypoint Platform Licensed Capabilities", sections: [] },
  {
    title: "4. Platform Architecture and Setup",
    sections: [
      "Business Groups",
      "Environments Model",
      "Virtual Private Cloud",
      "Secure Connectivity (VPN)",
      "Load Balancing",
      "SSL endpoint and DNS configuration",
      "Routing (mapping) Rules",
      "On-premise",
      "Runtime Fabric",
      "Anypoint MQ",
      "Object Store",
      "High Availability",
      "Disaster Recovery",
    ],
  },
  { title: "5. Security Architecture", sections: [] },
  { title: "6. Application Architecture", sections: ["Application Inventory"] },
  { title: "7. Operations Architecture", sections: ["Platform Alerts"] },
  { title: "8. SDLC", sections: ["Naming Conventions"] },
  { title: "9. Appendix", sections: ["Backend Systems Catalog", "Anypoint Team profiles and permissions model"] },
] as const;

type Chapter = (typeof outline)[number];
type ChapterName<T extends string> = T extends `${number}. ${infer Name}` ? Name : T;

/** A place a table can be written: a section of the outline, or a chapter (its text before any section). */
export type OutlinePlace = Chapter["sections"][number] | ChapterName<Chapter["title"]>;

/** A chapter's name without its number ("1. Business and Solution Context" -> "Business and Solution Context"). */
export function chapterName(title: string): string {
  return title.replace(/^\d+\.\s*/, "");
}
