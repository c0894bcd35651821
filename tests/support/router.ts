import { AREAS } from "../../prisma/seed/areas.js";
import { Router } from "../../src/nlu/router.js";
import { loadTokenizer } from "../../src/nlu/tokenizer.js";
import { loadRoutingVocabulary } from "../../src/nlu/vocabulary.js";

let router: Promise<Router> | undefined;

/** The real router over the demo areas, built once per test worker. */
export function demoRouter(): Promise<Router> {
  router ??= loadTokenizer().then(
    (tk) => new Router(tk, loadRoutingVocabulary(), AREAS.map((a) => ({ name: a.name, reading: a.reading, aliases: a.aliases })), "Asia/Tokyo"),
  );
  return router;
}
