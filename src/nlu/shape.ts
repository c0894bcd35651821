import type { Token } from "./tokenizer.js";

/**
 * The shape of a message's last clause, read from kuromoji's parts of speech.
 *
 * Japanese puts what a sentence *does* at its end: the background comes first
 * (足を骨折して…, 定年退職して時間ができたので、…) and the request, wish or
 * question last. The same words can be a search or a request depending only
 * on that ending: 家事を手伝ってもらえるサービス (a noun phrase: which service
 * exists?) against 家事を手伝ってもらえませんか (someone, please). So the router
 * reads the last clause's shape as well as the words, and each intent file says
 * how much each shape counts for it (`shape:` in intents/*.yaml).
 *
 * Pure: tokens in, shape out. Written here rather than taken from a library
 * because no maintained npm package offers clause analysis over kuromoji's
 * IPADIC tokens; it is a few dozen lines of grammar, tested in nlu-shape.test.ts.
 */

export const SHAPES = [
  /** Someone else is asked to act: 〜てほしい, 〜てもらえませんか, 〜てください, お願いしたい, 〜てくれる人. */
  "request",
  /** A polite wish put as a condition: 〜てもらえると助かります, 〜たらいいな, 〜ば嬉しい. */
  "hope",
  /** The writer's own wish: 〜たい (not 〜てもらいたい, which is a request). */
  "want",
  /** Something the writer cannot do or is not doing: 行けません, できない, 見かけないんです. */
  "negative",
  /** A question: 〜か, 〜かな, 〜？, 〜の？ */
  "question",
  /** Ends on a thing, not a verb: 有料のサービス, 体操できるところ (what is being looked for). */
  "nounPhrase",
  /** A plain statement (not a question, a wish or a request): 最近元気がないんです, 気がかりです. */
  "statement",
  /** Looking for something, said as a statement: …ところを探しています, 探してます. */
  "seek",
  /** A statement of what has happened: 行ってきました, 疲れました, ありがとうございました (a report, not a search). */
  "past",
] as const;
export type ShapeFeature = (typeof SHAPES)[number];

export interface Shape {
  /** Index of the first token of the last clause. */
  finalStart: number;

  features: Set<ShapeFeature>;
}

// Conjunctive particles that end a background clause (…ので、…けど、…のに).
const CLAUSE_PARTICLES = new Set(["ので", "から", "けど", "けれど", "けれども", "が", "のに", "し", "んで"]);
// Verbs of receiving or giving help after て: 〜てもらう, 〜ていただく, 〜てくれる, 〜てくださる.
const BENEFACTIVE = new Set(["もらう", "もらえる", "いただく", "いただける", "くれる", "くださる", "下さる", "頂く", "頂ける", "貰う", "貰える"]);
const HOPE_WORDS = new Set(["安心", "あんしん", "助かる", "たすかる", "ありがたい", "有難い", "有り難い", "うれしい", "嬉しい", "いい", "良い", "よい", "幸い", "ありがたし"]);
// Asking someone, in kanji or typed in kana: お願いしたい, おねがい できますか, たのみたい.
const ASKING = new Set(["お願い", "願う", "頼む", "依頼", "おねがい", "ねがう", "たのむ"]);
// Nouns that name a person: 手伝ってくれる人 is a request for someone, not a search for a thing.
const PERSON_NOUNS = new Set(["人", "ひと", "方", "かた", "誰", "だれ", "誰か", "だれか", "人たち", "方々"]);
// Nouns after a verb that do not make it describe a thing: 手伝ってほしいのです, 来てほしいことがある.
const NOT_THINGS = new Set(["の", "ん", "こと", "事", "ため", "よう", "とき", "時", "んだ"]);
// Verbs of looking for something: 探しています asks as much as ありますか does.
const SEEKING = new Set(["探す", "さがす", "捜す", "求める", "探し求める"]);
const QUESTION_ENDINGS = new Set(["か", "かな", "かね", "かしら", "の", "のか", "かい"]);
const NEGATIONS = new Set(["ない", "ぬ", "ん", "ず"]);
const QUESTION_WORDS = new Set(["どこ", "いつ", "何", "なに", "なん", "誰", "だれ", "どう", "いくら", "どれ", "どの", "どんな", "なぜ", "どうして"]);
// What follows 〜てくれて when it thanks for what was done: 教えてくれてありがとう, 来てくれて助かった.
const THANKED = /^(?:ありがと|有難|有り難|感謝|助か|たすか|嬉し|うれし)/u;
// What may trail a sentence without changing what it does.
const TRAILING_PARTICLES = new Set(["は", "って", "を", "が", "も", "ね", "よ", "な", "わ", "さ", "ぞ", "とか", "など", "なんか"]);

const isPunctuation = (t: Token) => t.pos === "記号" || /^[\s、。，．,.!！?？…・〜~ー]+$/u.test(t.surface);
// A space typed between words (となりの おばあちゃん ここ数日 …) does not end a clause.
const isSpace = (t: Token) => /^\s+$/u.test(t.surface);
const isContent = (t: Token) => t.pos === "名詞" || t.pos === "動詞" || t.pos === "形容詞" || t.pos === "副詞";

export function shapeOf(tokens: Token[]): Shape {
  // The last clause starts after the last boundary that still has a content word after it.
  let end = tokens.length;
  while (end > 0 && isPunctuation(tokens[end - 1])) end--;
  const questionMark = tokens.slice(end).some((t) => /[?？]/.test(t.surface));
  let finalStart = 0;
  for (let i = end - 1; i >= 0; i--) {
    const t = tokens[i];
    const boundary = (isPunctuation(t) && !isSpace(t)) || (t.pos === "助詞" && t.detail === "接続助詞" && CLAUSE_PARTICLES.has(t.base));
    if (boundary && tokens.slice(i + 1, end).some(isContent)) {
      finalStart = i + 1;
      break;
    }
  }
  const clause = tokens.slice(finalStart, end).filter((t) => !isPunctuation(t));
  const features = new Set<ShapeFeature>();
  if (clause.length === 0) return { finalStart, features };

  // Typed all in kana, the words are often cut wrongly (はすねのさろん → …さろ|ん, a verb and a
  // negation): there only endings spelled out in full count as negative or as a statement.
  const kanaOnly = !clause.some((t) => /[\u3400-\u9fff\u30a1-\u30fa]/u.test(t.surface));
  const spelled = clause.map((t) => t.surface).join("");

  let request = false;
  let want = false;
  let hope = false;
  let negative = false;
  // A request or wish that runs into a thing describes that thing (安否確認をしてくれるところ,
  // お願いできるところはありますか, 行きたい場所): it is what is looked for, not a request.
  const embedded = (i: number) => {
    for (let j = i + 1; j < clause.length; j++) {
      const t = clause[j];
      if (t.pos === "名詞" && !PERSON_NOUNS.has(t.surface) && !NOT_THINGS.has(t.surface)) {
        const before = clause[j - 1];
        if (before.pos === "動詞" || before.pos === "助動詞" || before.pos === "形容詞") return true;
      }
      if (t.pos === "助詞" && t.detail === "接続助詞" && t.base !== "て" && t.base !== "で") return false;
    }
    return false;
  };
  for (let i = 0; i < clause.length; i++) {
    const t = clause[i];
    const prev = clause[i - 1];
    const next = clause[i + 1];
    const afterTe = prev?.pos === "助詞" && (prev.base === "て" || prev.base === "で");
    if (afterTe && (t.base === "ほしい" || t.base === "欲しい") && !embedded(i)) request = true;
    // 教えてくれてありがとう thanks for what was done; it asks for nothing.
    const thanked = next?.pos === "助詞" && (next.base === "て" || next.base === "で") && THANKED.test(clause[i + 2]?.surface ?? "");
    if (afterTe && BENEFACTIVE.has(t.base) && !embedded(i) && !thanked) request = true;
    if (afterTe && t.pos === "動詞" && (t.base === "くださる" || t.surface === "ください" || t.surface === "下さい")) request = true;
    if (ASKING.has(t.base) && t.pos !== "助詞" && !embedded(i)) request = true;
    if (t.pos === "助動詞" && t.base === "たい" && !embedded(i)) want = true;
    // 話し相手がほしい: the writer wants a thing (after て it is a request, above).
    if (!afterTe && (t.base === "ほしい" || t.base === "欲しい")) want = true;
    // 〜と助かる, 〜ば嬉しい, 〜たらいいな, 〜なら有難い.
    const conditional = (t.pos === "助詞" && (t.base === "と" || t.base === "ば")) || (t.pos === "助動詞" && (t.surface === "たら" || t.surface === "だら")) || t.surface === "なら";
    // …すればいいか (what should I do) asks; it does not hope.
    if (conditional && next && HOPE_WORDS.has(next.base) && clause[i + 2]?.surface !== "か") hope = true;
    // ません, ない, ず after a verb; ん alone only in ません (kana typing splits nouns into …ん).
    if (t.pos === "助動詞" && NEGATIONS.has(t.base) && prev && (prev.pos === "動詞" || prev.pos === "助動詞") && (t.base !== "ん" || prev.base === "ます")) negative = true;
    if (t.pos === "形容詞" && (t.base === "ない" || t.base === "無い") && prev && prev.pos !== "名詞") negative = true;
  }
  if (kanaOnly && !/(?:ません|ない|なかった|ないです|ないんです|ず)[かね]?$/u.test(spelled)) negative = false;

  // What the clause ends on, trailing particles, です, the explaining ん/の and question marks aside.
  let last = clause.length - 1;
  let questionParticle = false;
  let copula = false;
  let explained = false;
  while (last >= 0) {
    const t = clause[last];
    // 様子が変なの (no question mark, no question word) explains; どこなの and 変なの？ ask.
    const explains = t.surface === "の" && clause[last - 1]?.surface === "な" && clause[last - 1]?.pos === "助動詞" && !clause.some((x) => QUESTION_WORDS.has(x.surface));
    if (t.pos === "助詞" && t.detail.includes("終助詞") && QUESTION_ENDINGS.has(t.surface) && !explains) questionParticle = true;
    if (explains && !questionMark) explained = true;
    if (t.pos === "助詞" && (TRAILING_PARTICLES.has(t.surface) || QUESTION_ENDINGS.has(t.surface))) last--;
    else if (t.pos === "助動詞" && (t.base === "です" || t.base === "だ" || t.base === "う" || t.base === "でしょ")) (copula = true), last--;
    else if (t.pos === "名詞" && t.detail === "非自立" && (t.surface === "ん" || t.surface === "の") && last > 0 && clause[last - 1].pos !== "助詞") last--;
    else break;
  }
  const head = clause[last];
  // Ends on て: 見せて, 取り消して, 教えて (a request said plainly).
  if (head && head.pos === "助詞" && (head.base === "て" || head.base === "で") && last > 0 && clause[last - 1].pos === "動詞") request = true;
  // Ends on a thing (…有料のサービス, …できるところ): what is wanted or asked about is that thing,
  // and a request or wish before it only describes it (手伝ってもらえるサービス is a search).
  const nounPhrase =
    head !== undefined && head.pos === "名詞" && head.detail !== "代名詞" && head.detail !== "形容動詞語幹" && !copula && !kanaOnly && !NOT_THINGS.has(head.surface) &&
    !PERSON_NOUNS.has(head.surface) && !ASKING.has(head.base) && clause.length > 1;
  if (nounPhrase) request = want = hope = false;
  // 〜てもらいたい asks someone else: a request, not the writer's own wish.
  if (want && request) want = false;
  // 手伝ってくれないか asks too: a negated request is still a request.
  if (request) negative = false;
  const question = questionMark || questionParticle;
  // どうすればいいですか asks how, it does not hope.
  if (question) hope = false;
  const predicate = head !== undefined && (head.pos !== "名詞" || copula);
  const seek = clause.some((t) => t.pos === "動詞" && SEEKING.has(t.base));
  // A last word in kana may be a word cut wrongly (配しょく はすね → …はす|ね): then only an ending
  // spelled out in full makes a statement.
  const kanaHead = kanaOnly || (head !== undefined && /^[\u3041-\u309f]+$/u.test(head.surface) && head.pos !== "助動詞");
  const statement = predicate && !seek && !request && !hope && !want && !question && !nounPhrase && (!kanaHead || /(?:ます|です|ません|ました|ない|なかった|んです|のです|でした|ている|ていた)$/u.test(spelled) || explained);

  if (request) features.add("request");
  if (hope) features.add("hope");
  if (want) features.add("want");
  if (negative) features.add("negative");
  if (question) features.add("question");
  if (nounPhrase) features.add("nounPhrase");
  if (statement) features.add("statement");
  if (seek) features.add("seek");
  // The statement's last ending is the past た (…ました, …てきた), trailing particles aside.
  if (statement) {
    const ending = clause.slice(0, last + 1).reverse().find((t) => t.pos === "助動詞" && t.base !== "ます");
    if (ending?.base === "た") features.add("past");
  }
  return { finalStart, features };
}
