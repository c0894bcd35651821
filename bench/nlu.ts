import path from "node:path";
import { AREAS } from "../prisma/seed/areas.js";
import { readCorpus } from "../src/nlu/corpus.js";
import { Router } from "../src/nlu/router.js";
import { loadTokenizer } from "../src/nlu/tokenizer.js";
import { loadRoutingVocabulary } from "../src/nlu/vocabulary.js";

/**
 * Routing speed on one core (tokenize + score + slots) over the labelled
 * corpus: messages per second and per-message latency percentiles.
 */
export async function benchNlu(rounds = Number(process.env.NLU_ROUNDS ?? 30)): Promise<Record<string, number>> {
  const t0 = performance.now();
  const tokenizer = await loadTokenizer();
  const router = new Router(tokenizer, loadRoutingVocabulary(), AREAS.map((a) => ({ name: a.name, reading: a.reading, aliases: a.aliases })), "Asia/Tokyo");
  const loadMs = performance.now() - t0;
  const texts = readCorpus(path.resolve(import.meta.dirname, "../intents/corpus.tsv")).map((u) => u.text);
  const now = new Date();
  for (const t of texts) router.route(t, now); // warm-up
  // Throughput without per-call timers, then latency per call.
  const start = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) router.route(t, now);
  const total = performance.now() - start;
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const s = performance.now();
      router.route(t, now);
      samples.push(performance.now() - s);
    }
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return {
    messages: samples.length,
    "messages/s": Math.round(samples.length / (total / 1000)),
    "p50 ms": Number(q(0.5).toFixed(3)),
    "p99 ms": Number(q(0.99).toFixed(3)),
    "max ms": Number(samples[samples.length - 1].toFixed(3)),
    "dictionary load ms": Math.round(loadMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchNlu();
  console.log("NLU routing (one core)");
  console.table(result);
  process.exit(0);
}
