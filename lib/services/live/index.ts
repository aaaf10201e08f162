// Only for lib/services/demo, which another change moves: it imports the old path. Import from
// the use-case files (connection, connection-check, syncs, resources, schedule) and delete this file with that move.
export { getConnection, saveConnection } from "@/lib/services/live/connection";
export { getLiveOverview, listLiveResources } from "@/lib/services/live/resources";
export { listSyncRuns, startSync } from "@/lib/services/live/syncs";
