// A second process for the embedded-lock test: opens the embedded database in argv[2],
// says "ready", and holds it until its standard input closes (then closes the database cleanly)
// or it is killed.
import { openMigratedDatabase } from "@/lib/db/database";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-embedded-database <dir>");

const db = await openMigratedDatabase({ kind: "embedded", dataDir, url: `file:${dataDir}` });
process.stdin.resume();
process.stdin.on("end", () => {
  void db.close().then(() => process.exit(0));
});
process.stdout.write(`ready ${process.pid}\n`);
