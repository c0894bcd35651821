import type { Db } from "../data/client.js";
import { nameableAreas } from "../data/areas.js";
import type { Nlu } from "./nlu.js";
import { Router, type AreaEntry } from "./router.js";
import { loadTokenizer } from "./tokenizer.js";
import { loadRoutingVocabulary } from "./vocabulary.js";

export async function loadAreas(db: Db): Promise<AreaEntry[]> {
  const rows = await nameableAreas(db);
  return rows.map((r) => {
    let aliases: string[] = [];
    try {
      aliases = JSON.parse(r.aliases);
    } catch {
      aliases = [];
    }
    return { name: r.name, reading: r.reading, aliases: aliases.filter((x) => typeof x === "string" && x.trim()) };
  });
}

/** The router with the shared tokenizer, the intents/ files and the areas in the database. */
export async function loadNlu(db: Db, timeZone: string): Promise<Router> {
  const [tokenizer, areas] = await Promise.all([loadTokenizer(), loadAreas(db)]);
  return new Router(tokenizer, loadRoutingVocabulary(), areas, timeZone);
}
export type { Nlu };
