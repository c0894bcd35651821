import { beforeAll, describe, expect, it } from "vitest";
import { analyse, makeTerm } from "../../src/nlu/matcher.js";
import type { Router } from "../../src/nlu/router.js";
import { shapeOf, type ShapeFeature } from "../../src/nlu/shape.js";
import { TermIndex } from "../../src/nlu/term-index.js";
import { loadTokenizer, type Tokenizer } from "../../src/nlu/tokenizer.js";
import { demoRouter } from "../support/router.js";

const NOW = new Date("2026-12-01T01:00:00Z"); // Tue 10:00 in Tokyo

let tokenizer: Tokenizer;
let router: Router;
beforeAll(async () => {
  tokenizer = await loadTokenizer();
  router = await demoRouter();
});

const shape = (text: string) => shapeOf(analyse(tokenizer, text).tokens);
const features = (text: string) => [...shape(text).features].sort();

describe("the shape of a message's last clause", () => {
  it.each<[string, ShapeFeature[]]>([
    ["ゴミ出しを手伝ってもらえませんか", ["question", "request"]],
    ["電球を替えてほしい", ["request"]],
    ["通院の付き添いをお願いしたいです", ["request"]],
    ["ボランティア登録の中身を見せて", ["request"]],
    ["雪かきをしてもらえるとありがたいです", ["hope", "request"]],
    ["おかずを持ってきてくれる人がいたらいいな", ["hope", "request"]],
    ["ボランティアをしたい", ["want"]],
    ["配食サービスはありますか", ["question"]],
    ["家事を手伝ってもらえる有料のサービス", ["nounPhrase"]],
    ["足を骨折して買い物にいけません", ["negative", "statement"]],
    ["最近ふさぎこんでいて気がかりです", ["statement"]],
    ["お弁当を届けてくれるところを探しています", ["seek"]],
    ["体操に行ってきました", ["past", "statement"]],
    ["くさむしり たのみたい", ["request"]],
    ["つきそい おねがい できますか", ["question", "request"]],
    ["とても楽しかったです。ありがとうございました", ["past", "statement"]],
    ["色々教えてくれてありがとね", []],
    ["毎朝電話で声をかけてもらえたら安心です", ["hope"]],
    ["隣のおばあちゃんの様子が変なの", ["statement"]],
    ["ようすが へんなの", ["statement"]],
    ["サロンはどこなの", ["question"]],
    ["様子が変なの？", ["question"]],
  ])("%s → %j", (text, expected) => {
    expect(features(text)).toEqual(expected);
  });

  it("reads only the last clause: the background before ので or 。 does not make a request", () => {
    const s = shape("足が悪くて手伝ってほしいことも多いのですが、近くのサロンはどこですか");
    expect(s.features.has("question")).toBe(true);
    expect(s.features.has("request")).toBe(false);
  });

  it("a request that runs into a thing describes the thing (…してくれるところはありますか is a search)", () => {
    expect(shape("安否確認をしてくれるところはありますか").features.has("request")).toBe(false);
    // … but into a person it is still a request.
    expect(shape("手伝ってくれる人はいませんか").features.has("request")).toBe(true);
  });

  it("a noun phrase typed in kana, which the tokenizer cuts badly, is not read as a negation or a statement", () => {
    expect(shape("はすねのさろん").features.size).toBe(0);
    expect(shape("配しょく はすね").features.has("statement")).toBe(false);
  });

  it("how should I (どうすればいいですか) asks; it does not hope", () => {
    expect(features("どうすればいいですか")).toEqual(["question"]);
  });
});

describe("terms match verbs in any form", () => {
  const found = (term: string, text: string) => {
    const index = new TermIndex();
    const t = makeTerm(term, undefined, tokenizer);
    index.add(t);
    return index.scan(analyse(tokenizer, text))(t);
  };

  it("a term written one way finds the same verb written another way", () => {
    expect(found("抜けたい", "ボランティアを抜けたかったです")).toBe(true);
    expect(found("辞める", "担い手を辞めようと思います")).toBe(true);
    expect(found("変える", "登録した電話番号を変えたい")).toBe(true);
  });

  it("never across a negation: 行ける does not find 行けない or 行けません", () => {
    expect(found("行ける", "明日は行けない")).toBe(false);
    expect(found("行ける", "明日は行けません")).toBe(false);
    expect(found("行けない", "明日は行けません")).toBe(true);
  });

  it("nor across a passive or causative: 開く does not find 開かれる (a meeting being held is not one being made)", () => {
    expect(found("開く", "次の協議体はいつ開かれる予定ですか")).toBe(false);
    expect(found("開く", "会議を開きたい")).toBe(true);
  });

  it("a wish (〜たい) is part of the meaning: 手伝いたい does not find お手伝いできません", () => {
    expect(found("手伝いたい", "年内はお手伝いできません")).toBe(false);
  });

  it("a one-character term is a word of its own: 所 is not inside 近所", () => {
    expect(found("所", "近所のおばあちゃん")).toBe(false);
    expect(found("所", "集まれる所はありますか")).toBe(true);
  });

  it("a reading folded to two kana does not match inside other words (機能 is not きのう)", () => {
    expect(found("機能", "きのうは よく ねむれた")).toBe(false);
  });
});

describe("the router with shapes, word pairs, romaji and the learned fallback", () => {
  it("when a resident asks for a service by name, it is a search; when they ask someone, a request", () => {
    expect(router.route("家事を手伝ってもらえる有料のサービス", NOW)).toMatchObject({ intent: "find_service", slots: { category: "housework" } });
    expect(router.route("家事を手伝ってもらえませんか", NOW)).toMatchObject({ intent: "request_help", slots: { category: "housework" } });
  });

  it("a polite wish with ありがたい asks for help; it is not a thank-you", () => {
    expect(router.route("庭の草取りをしてもらえるとありがたいです", NOW).intent).toBe("request_help");
    expect(router.route("ありがとうございました", NOW).intent).toBe("thanks");
  });

  it("two words together name a category: 夕食 … 配達 is meal delivery", () => {
    expect(router.route("夕食だけ配達してもらえるところ", NOW).slots.category).toBe("meal_delivery");
  });

  it("romaji typed with the keyboard in Latin mode is read as kana (taisou hasune)", () => {
    expect(router.route("taisou hasune", NOW)).toMatchObject({ intent: "find_place", slots: { category: "exercise", area: "蓮根" } });
    expect(router.route("ＳＡＬＯＮ ｎａｒｉｍａｓｕ", NOW)).toMatchObject({ intent: "find_place", slots: { category: "salon", area: "成増" } });
  });

  it("when no rule is sure, the learned fallback decides alone if it is sure, and says so", () => {
    const r = router.route("定年で時間ができたので、地域のために何かしたいと思っています", NOW);
    expect(r).toMatchObject({ intent: "volunteer_register", learned: true });
  });

  it("the learned fallback does not turn chat or a notice command into a request", () => {
    expect(router.route("お知らせ停止", NOW).intent).toBe("unknown");
    expect(router.route("あ".repeat(300), NOW).intent).toBe("unknown");
  });

  it("the learned fallback alone never decides without a word that marks the meaning (a name typed out of turn is no search)", () => {
    expect(router.route("やまだ はなこ です", NOW).intent).toBe("unknown");
    expect(router.route("それって よやく いりますか", NOW).intent).toBe("unknown");
  });
});
