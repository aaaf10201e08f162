// Narrative sections have no table: what no table or list of another kind took becomes one
// (read-spec.ts), and the writer puts each under the section of its name.

import type { KindDocuments } from "@/lib/domain/document/kind-tables";
import type { narrativeKinds } from "@/lib/domain/spec/kinds/narrative";

/** How narrative sections appear in the document: as the text of their sections. */
export const narrativeTables: KindDocuments<keyof typeof narrativeKinds> = { "narrative-section": { tables: [] } };
