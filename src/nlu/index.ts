import type { Db } from "../db/client.js";
import type { Nlu } from "./nlu.js";

/** Placeholder until the router lands. */
export async function loadNlu(_db: Db, _timeZone: string): Promise<Nlu> {
  return { route: (text) => ({ text, normalized: text, intent: "help", confidence: 1, slots: {} }) };
}
