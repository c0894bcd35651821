import { benchE2e } from "./e2e.js";
import { benchFanout } from "./fanout.js";
import { benchImport } from "./import.js";
import { benchNlu } from "./nlu.js";
import { benchSearch } from "./search.js";
import { benchStartup } from "./startup.js";

/** npm run bench: every benchmark, one table each. */
const suites: [string, () => Promise<Record<string, number>>][] = [
  ["End-to-end webhook load (real bot process, fake LINE platform on loopback)", () => benchE2e()],
  ["Start-up and memory", () => benchStartup()],
  ["Announcement fan-out (platform limit 200 multicast/s)", () => benchFanout()],
  ["NLU routing (one core)", () => benchNlu()],
  ["Search over 100,000 generated resources", () => benchSearch()],
  ["Import of a 10,000-row template file", () => benchImport()],
];
for (const [title, run] of suites) {
  console.log(`\n${title}`);
  console.table(await run());
}
process.exit(0);
