// Only for lib/services/demo, which another change moves: it imports the old path. Import from
// the use-case files (read, write, transition, reviews, export) and delete this file with that move.
export { getDecision, listDecisions } from "@/lib/services/decisions/read";
export { reviewDecision } from "@/lib/services/decisions/reviews";
export { transitionDecision } from "@/lib/services/decisions/transition";
export { createDecision } from "@/lib/services/decisions/write";
