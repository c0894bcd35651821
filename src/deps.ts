import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./data/client.js";
import type { LineGateway } from "./line/client.js";
import type { Logger } from "./log.js";
import type { Nlu } from "./nlu/nlu.js";
import type { Jobs } from "./jobs/jobs.js";

/** Everything a handler may use; built once in main.ts (or a test) and passed down. */
export interface AppDeps {
  config: Config;
  db: Db;
  line: LineGateway;
  logger: Logger;
  clock: Clock;
  nlu: Nlu;
  /** Background sends (announcements, reminders); kicked after an SC confirms. */
  jobs: Jobs;
}
