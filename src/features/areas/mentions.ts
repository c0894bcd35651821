import type { Db } from "../../data/client.js";
import type { Area } from "../../generated/prisma/client.js";
import { parseAlias } from "../../nlu/alias.js";
import { normalize, toHiragana } from "../../nlu/normalize.js";
import { allAreas } from "./service.js";

/** Every layer-2 area named in a text (蓮根と舟渡, はすね・ふなど), by name, reading or alias. */
export async function areasMentioned(db: Db, text: string): Promise<Area[]> {
  const areas = (await allAreas(db)).filter((a) => a.kind === "area");
  let t = toHiragana(normalize(text));
  const found: Area[] = [];
  const keys: { area: Area; key: string }[] = [];
  for (const a of areas) {
    keys.push({ area: a, key: normalize(a.name) });
    if (a.reading) keys.push({ area: a, key: a.reading });
    try {
      for (const raw of JSON.parse(a.aliases) as string[]) {
        const alias = parseAlias(raw);
        keys.push({ area: a, key: toHiragana(alias.text) });
        if (alias.reading) keys.push({ area: a, key: toHiragana(alias.reading) });
      }
    } catch {
      /* aliases are optional */
    }
  }
  keys.sort((x, y) => y.key.length - x.key.length);
  for (const { area, key } of keys) {
    if (key.length < 2 || !t.includes(key)) continue;
    t = t.split(key).join("\u0000");
    if (!found.includes(area)) found.push(area);
  }
  return found.sort((a, b) => a.sortOrder - b.sortOrder);
}
