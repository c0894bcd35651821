import cron from "node-cron";
import type { Jobs } from "./jobs.js";

/** Every minute, Asia/Tokyo, never overlapping. Returns a stop function. */
export function startScheduler(jobs: Jobs, timeZone: string): () => void {
  const task = cron.schedule("* * * * *", () => jobs.kick(), { timezone: timeZone, noOverlap: true, name: "due-jobs" });
  return () => {
    void task.stop();
  };
}
