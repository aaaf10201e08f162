import type { Prisma, PrismaClient } from "@/lib/db/generated/client";

/** A column of a bulk insert: its name as the migrations spell it, and its SQL type. */
export type BulkColumn = readonly [
  name: string,
  type: "uuid" | "text" | "integer" | "double precision" | "boolean" | "jsonb" | "timestamptz(3)",
];

/** Rows per statement: a parameter of about a megabyte, well inside both engines' limits. */
const rowsPerStatement = 2000;

/**
 * Inserts many rows with one statement per chunk: the rows travel as one JSON parameter and
 * `jsonb_to_recordset` turns them back into rows on the server. Prisma's createMany through the
 * driver adapters writes about 2,000 rows a second on PGlite and PostgreSQL alike; this writes
 * about ten times as many (docs/decisions/0012-bulk-writes.md). Rows are keyed by column name;
 * a missing key is NULL, so every NOT NULL column without a default must be given (ids too:
 * Prisma generates them, the database does not).
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const types = columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS r(${types})`;
  for (let i = 0; i < rows.length; i += rowsPerStatement) {
    await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(i, i + rowsPerStatement)));
  }
}

/** Rows per page of `selectRowsByKey`: some 10 MB of JSON text for live resources. */
const rowsPerPage = 20_000;

/**
 * Reads many rows as JSON built by the server (`json_agg`) and parsed here: for a snapshot of
 * hundreds of thousands of resources, about twice as fast as findMany, whose per-row conversion
 * dominates on PGlite. The rows come in pages in the order of a unique key (keyset paging: each
 * page starts after the last key of the one before, through the key's index), one JSON text per
 * page: one text for every row of a 50,000-application snapshot is 250 MB, half of the longest
 * string V8 can hold. `columns` become the objects' keys and must include the key's; `where` may
 * use the parameters as $1, $2 ...
 */
export async function selectRowsByKey<T extends Record<string, unknown>>(
  prisma: PrismaClient | Prisma.TransactionClient,
  query: { table: string; columns: readonly string[]; where: string; key: readonly string[]; pageSize?: number },
  ...params: unknown[]
): Promise<T[]> {
  const size = query.pageSize ?? rowsPerPage;
  const columns = query.columns.map((c) => `"${c}"`).join(", ");
  const key = query.key.map((c) => `"${c}"`).join(", ");
  const after = query.key.map((_, i) => `$${params.length + i + 1}::text`).join(", ");
  const page = (first: boolean) =>
    `SELECT ${columns} FROM "${query.table}" WHERE (${query.where})${first ? "" : ` AND (${key}) > (${after})`} ORDER BY ${key} LIMIT ${size}`;
  const rows: T[] = [];
  let last: T | null = null;
  for (;;) {
    const [result] = await prisma.$queryRawUnsafe<{ rows: string }[]>(
      `SELECT coalesce(json_agg(r ORDER BY ${query.key.map((c) => `r."${c}"`).join(", ")}), '[]')::text AS rows FROM (${page(last === null)}) r`,
      ...params,
      ...(last ? query.key.map((c) => String(last![c])) : []),
    );
    const found = JSON.parse(result?.rows ?? "[]") as T[];
    for (let i = 0; i < found.length; i += 1) rows.push(found[i]!);
    if (found.length < size) return rows;
    last = found[found.length - 1]!;
  }
}

/** Rows written at once from which the planner's statistics are refreshed. */
const analyzeAfterRows = 1000;

/**
 * Refreshes the planner's statistics of tables after a large write: embedded PGlite has no
 * autovacuum and a server's comes later, and with stale statistics the planner takes a table of
 * thousands of findings for one row and sorts them all for a first page (100 ms at 10,000
 * applications) instead of reading it in index order (under 1 ms). Cheap below a few hundred
 * thousand rows: ANALYZE samples.
 */
export async function refreshStatistics(prisma: PrismaClient, rowsWritten: number, tables: string[]): Promise<void> {
  if (rowsWritten < analyzeAfterRows) return;
  try {
    await prisma.$executeRawUnsafe(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
  } catch {
    // Only an optimisation, after the write has committed: a database user without the right to
    // analyse (not the tables' owner) must not turn a finished sync or evaluation into a failure.
  }
}
