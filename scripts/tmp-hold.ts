import { prepareDatabase } from "./db/prepare";
const db = await prepareDatabase({ dataDir: process.argv[2]!, seedDemo: false });
console.log(db.ownerUrl);
process.on("SIGTERM", async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
