// Run as a child process by tests/integration/mail-delivery.test.ts: a portal process that
// only delivers mail (the same workers instrumentation.ts starts), until it is killed.
import { startJobWorkers } from "@/lib/jobs/workers";

await startJobWorkers();
console.log("mail worker ready");
setInterval(() => undefined, 60_000);
