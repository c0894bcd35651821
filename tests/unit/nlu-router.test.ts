import { beforeAll, describe, expect, it } from "vitest";
import type { Router } from "../../src/nlu/router.js";
import { loadVocabulary } from "../../src/nlu/vocabulary.js";
import { demoRouter } from "../support/router.js";

const NOW = new Date("2026-12-01T01:00:00Z"); // Tue 10:00 in Tokyo

describe("the intent router", () => {
  let router: Router;
  beforeAll(async () => {
    router = await demoRouter();
  });

  it("when a resident types はすねのさろん in kana, finds salons in 蓮根", () => {
    expect(router.route("はすねのさろん", NOW)).toMatchObject({ intent: "find_place", slots: { area: "蓮根", category: "salon" } });
  });

  it("when a volunteer writes 月水金の午後なら大丈夫です, reads Monday, Wednesday, Friday afternoons", () => {
    expect(router.route("月水金の午後なら大丈夫です", NOW)).toMatchObject({ intent: "volunteer_availability", slots: { weekdays: [1, 3, 5], timeOfDay: "afternoon" } });
  });

  it.each([
    ["ｻﾛﾝ", "salon"],
    ["サロン", "salon"],
    ["さろん", "salon"],
    ["さーろん", "salon"],
    ["たいそお", "exercise"],
    ["タイソウ", "exercise"],
    ["ﾀｲｿｳ", "exercise"],
    ["かよいのば", "salon"],
    ["はいしよく", "meal_delivery"],
  ])("reads the category from %s however it is spelt", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it.each([
    ["前野町のサロン", "前野"],
    ["高島平団地の体操", "高島平"],
    ["ときわ台のサロン", "常盤台"],
    ["上板橋のサロン", "常盤台"],
    ["板橋のサロン", "板橋"],
    ["なりますのさろん", "成増"],
    // Aliases whose reading the areas sheet gives (坂上（さかうえ）): the dictionary reads them otherwise.
    ["さかうえのさろん", "志村坂上"],
    ["みやもとちょうの たいそう", "清水"],
    ["しんがしの食事会", "舟渡"],
    ["坂上のサロン", "志村坂上"],
  ])("maps %s to the area %s", (text, area) => {
    expect(router.route(text, NOW).slots.area).toBe(area);
  });

  it.each([
    ["ごはん を とどけて ほしい", "request_help", "meal_delivery"],
    ["びょういん まで おくって くれる ひと", "request_help", "transport"],
    ["ちかくに さろん ありますか", "find_place", "salon"],
    ["にんちしょう かふぇ どこ", "find_place", "dementia_cafe"],
  ])("when a resident spaces the words out (%s), reads them as one sentence", (text, intent, category) => {
    expect(router.route(text, NOW)).toMatchObject({ intent, slots: { category } });
    expect(router.route(text.replace(/ /g, ""), NOW)).toMatchObject({ intent, slots: { category } });
  });

  it.each([
    ["配しょく", "meal_delivery"],
    ["買いもの支援", "shopping"],
    ["しむらの食事かい", "meal"],
  ])("when a resident writes the kanji they remember and kana for the rest (%s), finds %s", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it.each([
    ["ばいしょく いくら かかる はすね", "meal_delivery"],
    ["かいもの つきそい はすね", "shopping"],
    ["買い物の付き添いをお願いしたい", "shopping"],
    ["病院の付き添い", "transport"],
    ["つきそいが ほしい", "transport"],
  ])("words residents mix up land on the service they mean: ばいしょく is 配食, 付き添い for shopping is shopping support (%s → %s)", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it("when the kana part is only a particle, kanji that sound alike still do not match (前の日 is not 前野)", () => {
    expect(router.route("前のサロン", NOW).slots.area).toBeUndefined();
    expect(router.route("前野のサロン", NOW).slots.area).toBe("前野");
  });

  it("reads きょう as today, but not inside きょうしつ or きょうみ", () => {
    expect(router.route("きょうの たいそう", NOW).slots.date).toBe("2026-12-01");
    expect(router.route("きょうやってるさろん", NOW).slots.date).toBe("2026-12-01");
    expect(router.route("たいそうきょうしつ", NOW).slots.date).toBeUndefined();
    expect(router.route("すまほきょうしつに きょうみがある", NOW).slots.date).toBeUndefined();
  });

  it("reads あさの in kana as the morning, but not あさって", () => {
    expect(router.route("あさの たいそう", NOW).slots.timeOfDay).toBe("morning");
    expect(router.route("あさって の たいそう", NOW).slots).toMatchObject({ date: "2026-12-03" });
    expect(router.route("あさって の たいそう", NOW).slots.timeOfDay).toBeUndefined();
  });

  it("does not find the area 前野 in 前の日 (kanji that only sound alike)", () => {
    expect(router.route("前の日にサロンはありますか", NOW).slots.area).toBeUndefined();
  });

  it("does not read 通うところ as Tuesday", () => {
    expect(router.route("かようところをさがしています", NOW).slots.weekdays).toBeUndefined();
  });

  it("answers unknown for small talk it cannot place, with low confidence", () => {
    const r = router.route("今日はいい天気ですね", NOW);
    expect(r.intent).toBe("unknown");
    expect(r.confidence).toBeLessThan(1);
  });

  it("survives emoji, control characters, long texts and CJK radicals", () => {
    expect(router.route("🍵🍵 サロン\u0000\u0007 🙏", NOW).slots.category).toBe("salon");
    expect(router.route("あ".repeat(10_000), NOW).intent).toBe("unknown");
    expect(router.route("⻑寿サロン", NOW).normalized).toContain("長寿");
  });

  it("gives every intent's own examples the intent they illustrate", () => {
    for (const spec of loadVocabulary().intents) {
      for (const ex of spec.examples.positive) expect(router.route(ex, NOW).intent, ex).toBe(spec.intent);
      for (const ex of spec.examples.negative) expect(router.route(ex, NOW).intent, ex).not.toBe(spec.intent);
    }
  });

  it("when someone writes that they will stop using the app (使わなくなります), does not read the ending なります as the area 成増", () => {
    const r = router.route("スマホを変えるのでこのLINEはもう使わなくなります", NOW);
    expect(r.slots.area).toBeUndefined();
    // Typed on its own, in kana, なります is still the area.
    expect(router.route("なります の さろん", NOW).slots).toMatchObject({ area: "成増", category: "salon" });
  });

  it("when a resident says where they lived before and where they live now, takes the area they live in now", () => {
    expect(router.route("前は蓮根に住んでいたのですが、今は前野町に移りました", NOW).slots.area).toBe("前野");
    expect(router.route("中台から高島平に引っ越してきました", NOW).slots.area).toBe("高島平");
    // A single area is kept even when it is the old one: there is nothing else to go on.
    expect(router.route("以前は蓮根に住んでいました", NOW).slots.area).toBe("蓮根");
  });

  it.each(["いなくなってしまいたい", "消えちゃいたい", "もう何をしても楽しくなくて、いなくなってしまいたいと思うことがあります"])(
    "when someone writes %s (a wish with てしまう or ちゃう), recognises despair",
    (text) => {
      expect(router.route(text, NOW).intent).toBe("despair");
    },
  );

  it("when a resident tells how the salon they were shown went and ends with thanks, reads thanks, not a new search", () => {
    expect(router.route("先週、紹介してもらった体操に行ってきました。みなさん親切で、とても楽しかったです。ありがとうございました", NOW).intent).toBe("thanks");
    // Telling what happened, with nothing asked, is not a search either.
    expect(router.route("孫の運動会に行ってきた", NOW).intent).not.toBe("find_place");
  });

  it("when a resident thanks first and tells how a place helped (おかげで…サロンに通えています), reads thanks; thanks then a question is a search", () => {
    expect(router.route("先日はありがとうございました。おかげで父も楽しくサロンに通えています", NOW).intent).toBe("thanks");
    expect(router.route("ありがとうございます。楽しく通えるサロンはほかにもありますか", NOW).intent).toBe("find_place");
  });

  it("when a volunteer tells that they consulted their family (相談した結果) before saying they will rest, reads a pause, not a search for a consultation desk", () => {
    expect(router.route("家族に相談した結果、しばらくは体を休めることにしたので、ボランティアの活動は当分お休みします", NOW).intent).toBe("volunteer_availability");
    // Asking where to consult (相談したらいい), or consulting again, is still a consultation.
    expect(router.route("母の物忘れが心配で、どこに相談したらいいですか", NOW).intent).toBe("find_consultation");
    expect(router.route("包括に相談したけど、ほかに相談できるところはありますか", NOW).intent).toBe("find_consultation");
    // A chore told in the past still says what the trouble is about.
    expect(router.route("昨日買い物したけど重くて大変でした。誰か手伝ってもらえませんか", NOW).slots.category).toBe("shopping");
  });

  it("when a member introduces themselves by their role (民生委員です, ケアマネをしております), does not search for that role's desk; asking for one still does", () => {
    expect(router.route("お世話になっております。中台の民生委員です", NOW).intent).not.toBe("find_consultation");
    expect(router.route("はじめまして。蓮根でケアマネをしております田中です", NOW).intent).not.toBe("find_consultation");
    expect(router.route("民生委員さんに相談したいです", NOW).intent).toBe("find_consultation");
    // 相談 is no role: ご相談です and 相談をしていただけますか ask for one.
    expect(router.route("ちょっとご相談です", NOW).slots.category).toBe("consultation");
    expect(router.route("相談をしていただけますか", NOW).slots.category).toBe("consultation");
  });

  it("when a member types きょうぎたいの ばしょ どこ with spaces, does not read 書道 (しょ|ど) across the space, and asks where the meeting is", () => {
    const r = router.route("きょうぎたいの ばしょ どこ", NOW);
    expect(r.slots.category).toBeUndefined();
    expect(r.intent).toBe("meeting_list");
  });

  it("when a volunteer writes 活動再開します。またよろしくお願いします, reads their return (the closing words only sign off); よろしくお願いします alone greets", () => {
    expect(router.route("活動再開します。またよろしくお願いします", NOW).intent).toBe("volunteer_availability");
    expect(router.route("よろしくお願いします", NOW).intent).toBe("greeting");
  });

  it("when a volunteer asks for requests to stop for a while (依頼を止めてほしい), reads a pause, not a request for help", () => {
    expect(router.route("月末までは忙しいので依頼を止めてほしい", NOW).intent).toBe("volunteer_availability");
  });

  it.each(["病院の付き添いをお願いできますか", "ゴミ出しをお願いしたいのですが", "びょういん つきそい おねがい できますか"])(
    "when a resident asks for a task to be done (%s), reads a request for help, not a search for services",
    (text) => {
      expect(router.route(text, NOW).intent).toBe("request_help");
    },
  );

  it.each(["もう何もかも嫌になりました。誰も私のことなんか気にしていない", "誰にも必要とされていないと思う", "だれも わたしのことを わかってくれない"])(
    "when a resident writes of hopelessness without the word death (%s), reads despair",
    (text) => {
      expect(router.route(text, NOW).intent).toBe("despair");
    },
  );

  it("when a carer types かいごしゃのかい in kana, finds the carers' group: the meeting word 会合 (かいごう) is matched only as written", () => {
    expect(router.route("かいごしゃのかい いつ", NOW)).toMatchObject({ intent: "find_place", slots: { category: "caregiver" } });
    expect(router.route("次の会合はいつですか", NOW).intent).toBe("meeting_list");
  });

  it("when someone types たすけて with pain or breathlessness (たすけて くるしい), reads an emergency; a long trouble and a plea is a request", () => {
    expect(router.route("たすけて くるしい", NOW).intent).toBe("emergency");
    expect(router.route("最近ずっと腰が痛くて困っています。助けてください", NOW).intent).not.toBe("emergency");
  });

  it("when a resident asks to phone the person in charge of life support (生活支援の担当者に電話したい), searches consultation desks, not services", () => {
    expect(router.route("生活支援の担当者に電話したい", NOW).intent).toBe("find_consultation");
    expect(router.route("生活支援のサービスを知りたい", NOW).intent).toBe("find_service");
  });

  it.each(["いったんリセットしたい", "ﾘｾｯﾄ して"])("when someone wants to start over (%s), reads cancel", (text) => {
    expect(router.route(text, NOW).intent).toBe("cancel");
  });

  it.each<[string, string]>([
    ["協力員として登録したい", "volunteer_register"],
    ["ちょっとした手助けならできます。登録させてください", "volunteer_register"],
    ["支え手の活動から手を引きたい", "volunteer_withdraw"],
    ["高島平のみんなに案内を出したい", "broadcast"],
    ["困りごとを相談する窓口の人につないでほしい", "find_consultation"],
    ["住民からの声で多いものは？", "needs_report"],
    ["地域の見守り隊に入りたい", "volunteer_register"],
    ["困っている高齢者の力になれたらと思っています", "volunteer_register"],
    ["活動メンバーに加えてもらえますか", "volunteer_register"],
    ["ボランティアは今月末で終了させてください", "volunteer_withdraw"],
    ["協力者リストから名前を消して", "volunteer_withdraw"],
    ["蓮根の担い手に連絡網で回して", "broadcast"],
    ["いまのなし", "cancel"],
    ["選び直したい", "cancel"],
    ["入力まちがえた", "cancel"],
    ["担い手として名乗りを上げたい", "volunteer_register"],
    ["地域の助っ人になりたい", "volunteer_register"],
    ["ボランティア活動を打ち切りたい", "volunteer_withdraw"],
    ["支え手の活動から離れたい", "volunteer_withdraw"],
    ["全員に一報を入れたい", "broadcast"],
    ["いったん白紙にして", "cancel"],
    ["ストップ", "cancel"],
    ["会議には顔を出します", "meeting_rsvp"],
    ["協議体の集まりを企画したい", "meeting_create"],
    ["声が多い地域はどこ？", "needs_report"],
  ])("when someone uses another everyday word for a role or an action (%s), reads %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it.each<[string, string, string]>([
    ["移送サービスについて教えて", "find_service", "transport"],
    ["ちょっとした買い出しを頼める人がいたら", "request_help", "shopping"],
    ["毎朝電話で声をかけてもらえたら安心です", "request_help", "watch"],
    ["ボッチャの体験会", "find_place", "exercise"],
    ["成年後見のことを聞きたい", "find_consultation", "consultation"],
  ])("when a place or service is called by another name (%s), reads %s for %s", (text, intent, category) => {
    expect(router.route(text, NOW)).toMatchObject({ intent, slots: { category } });
  });

  it("when a resident types うたを うたう in kana, finds singing (a hobby): the spaced word's first う is no long vowel of を", () => {
    expect(router.route("ちかくで うたを うたう あつまり", NOW).slots.category).toBe("hobby");
  });

  it.each([
    ["明日の午後、スーパーに一緒に行ってくれる人", "shopping"],
    ["重い物を家まで配達してくれるお店のサービス", "shopping"],
    ["来週、病院に一緒に行ってくれる人", "transport"],
  ])("when two words together name the kind of help (%s), the pair outweighs a single word of another kind: %s", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it.each<[string, string]>([
    ["昼過ぎに寄れるとこある？", "find_place"],
    ["土曜の午後に行ける場所", "find_place"],
    ["どういう相談が一番多いですか", "needs_report"],
    ["最近増えている困りごとは何ですか", "needs_report"],
    ["よくある要望のランキング", "needs_report"],
    ["SCの方に直接つないでもらえますか", "find_consultation"],
    ["今日の夕方、買い物を代わりに行ってもらえますか", "request_help"],
    ["はじめて利用します。どんなことができるのか、簡単に教えてもらえますか", "help"],
  ])("when the shape says what is wanted though no keyword does (%s), reads %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it("when a resident tells where a relative lives and names another place to search, searches the other place; alone, the relative's area is searched", () => {
    expect(router.route("娘が成増にいて孫の世話で忙しいので、私が行ける体操教室を高島平で探しています", NOW).slots.area).toBe("高島平");
    expect(router.route("母が蓮根に住んでいて、近くで行けるサロンがあれば教えてほしいです", NOW).slots.area).toBe("蓮根");
  });

  it("does not read Sunday (にちよう) in kanji read aloud across a particle (SCの方に直接)", () => {
    expect(router.route("SCの方に直接つないでもらえますか", NOW).slots.weekdays).toBeUndefined();
    expect(router.route("にちようの さろん", NOW).slots.weekdays).toEqual([0]);
  });

  it.each<[string, string]>([
    ["研修会パスします", "meeting_rsvp"],
    ["こんげつ の きょうぎたい やすみ", "meeting_rsvp"],
    ["1月の協議体を立ち上げたい", "meeting_create"],
    ["登録ボランティア全員への連絡", "broadcast"],
    ["未解決の相談はどれくらいある？", "needs_report"],
    ["体操の先生をしています。ボランティアで教えられます", "volunteer_register"],
  ])("when a coordinator, member or volunteer puts their own request in their own words (%s), reads %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it("when a resident asks to be told of shopping help (…手伝いをしてくれるところを教えてください), searches services: 教えて is no volunteer offering to teach", () => {
    expect(router.route("移動販売や買い物の手伝いをしてくれるところを教えてください", NOW).intent).toBe("find_service");
  });

  it.each([
    ["午前中に体を動かせるところないかな", "exercise"],
    ["移動の支援を受けられるところを知りたい", "transport"],
  ])("names the category said with a potential verb or a noun phrase (%s → %s)", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it("when a resident asks for the desk for their troubles (困りごとの相談窓口はどこ), searches desks: a term whose last word folds away (困りごとの多, ノ|オオ) is matched only as written", () => {
    expect(router.route("困りごとの相談窓口はどこ", NOW).intent).toBe("find_consultation");
    expect(router.route("困りごとの多い地域を見たい", NOW).intent).toBe("needs_report");
  });

  it.each<[string, string, string | undefined]>([
    ["生け花を習える会", "find_place", "hobby"],
    ["家族介護者の交流会", "find_place", "caregiver"],
    ["家の雑用を頼めるサービス", "find_service", "housework"],
    ["お礼を言いたくて", "thanks", undefined],
  ])("when someone uses a rarer word (%s), reads %s", (text, intent, category) => {
    const r = router.route(text, NOW);
    expect(r.intent).toBe(intent);
    expect(r.slots.category).toBe(category);
  });

  it("when a volunteer types どようの ごご as a word of its own, reads Saturday afternoon; かようのが (通う) in running kana is no Tuesday", () => {
    expect(router.route("どようの ごご あいてる", NOW).slots).toMatchObject({ weekdays: [6], timeOfDay: "afternoon" });
    expect(router.route("さろんに かようのが たのしみ", NOW).slots.weekdays).toBeUndefined();
  });

  it.each<[string, string, string | undefined]>([
    ["みんなに れんらく して", "broadcast", undefined],
    ["にわの きを きって ほしい", "request_help", "housework"],
    ["こめ かってきて ほしい", "request_help", "shopping"],
  ])("when someone types it all in kana (%s), reads %s", (text, intent, category) => {
    const r = router.route(text, NOW);
    expect(r.intent).toBe(intent);
    expect(r.slots.category).toBe(category);
  });

  it.each<[string, string]>([
    ["主人が急に胸を押さえてうずくまって、声をかけても返事がありません", "emergency"],
    ["夫を亡くしてから毎日が空っぽで、朝が来るのがつらいです。このまま消えてしまえたらと思うことがあります", "despair"],
    ["先週紹介していただいた体操教室に行ってきました。皆さん親切で、来週も行くつもりです。ありがとうございました", "thanks"],
    ["隣の奥さんから聞いたのですが、この地域には買い物を手伝ってくれる仕組みがあるそうですね。どんなものがあるのか教えてください", "find_service"],
    ["母が最近、鍋を焦がしたり同じ物を何度も買ってきたりします。認知症なのか心配で、どこに相談したらよいか分かりません", "find_consultation"],
  ])("when a long message tells the background first (%s), reads what its end asks: %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it("does not take a wish that the pain would go away (この痛みが消えてしまえればいいのに) for despair", () => {
    expect(router.route("この痛みが消えてしまえればいいのに", NOW).intent).not.toBe("despair");
  });

  it("when a member says the meeting does not suit them (明日の会議は都合が悪いです), reads that they will not attend", () => {
    expect(router.route("明日の会議は都合が悪いです", NOW)).toMatchObject({ intent: "meeting_rsvp", slots: { attending: false, date: "2026-12-02" } });
    expect(router.route("来週は都合が悪いので活動を休みます", NOW).intent).toBe("volunteer_availability");
  });

  it.each<[string, string]>([
    ["木曜の午後にやってる集い", "find_place"],
    ["来週月曜、歯医者まで送ってもらえんかね", "request_help"],
    ["わしも何か手伝えんかのう", "volunteer_register"],
    ["次の協議体、行かれんです", "meeting_rsvp"],
    ["協議体には出させてもらいます", "meeting_rsvp"],
    ["舟渡の人らに連絡まわしてほしい", "broadcast"],
    ["もう死んだ方が楽じゃ", "despair"],
    ["まいど", "greeting"],
  ])("when someone writes with regional endings (%s), reads %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it.each<[string, string]>([
    ["もう担い手はやめとくわ", "volunteer_withdraw"],
    ["ボランティアは辞めとくわ", "volunteer_withdraw"],
    ["もうええ、やめとく", "cancel"],
    ["病院さ連れてってけねえべか", "request_help"],
    ["これ、どがんして使うと？", "help"],
    ["おばんです", "greeting"],
  ])("when someone writes in the speech of their region (%s), reads %s", (text, intent) => {
    expect(router.route(text, NOW).intent).toBe(intent);
  });

  it("reads 〜とく as 〜ておく (消しといて is 消して) and お茶飲めるとこ as a salon", () => {
    expect(router.route("わしの登録情報を消しといて", NOW).intent).toBe("delete_my_data");
    expect(router.route("この辺でお茶飲めるとこあるけ？", NOW).slots.category).toBe("salon");
  });

  it("when a member says they will humbly come or cannot come in dialect, the answer is read (出させてもらいます yes, 行かれん no)", () => {
    expect(router.route("協議体には出させてもらいます", NOW).slots.attending).toBe(true);
    expect(router.route("次の協議体、行かれんです", NOW).slots.attending).toBe(false);
    expect(router.route("死にそうなくらい楽しかった", NOW).intent).not.toBe("despair");
  });

  it("when someone wants their typing cleared and to start over (入力をぜんぶ消して最初から), reads cancel, not deleting their data", () => {
    expect(router.route("入力をぜんぶ消して最初から", NOW).intent).toBe("cancel");
    expect(router.route("私のデータを全部消して", NOW).intent).toBe("delete_my_data");
  });

  it("when a resident types a request in half-width katakana (ﾃﾂﾀﾞｲ ﾀﾉﾐﾀｲ), reads its shape as kana: a request for help", () => {
    expect(router.route("ﾃﾂﾀﾞｲ ﾀﾉﾐﾀｲ", NOW).intent).toBe("request_help");
    expect(router.route("粗大ごみを運び出してもらえませんか", NOW)).toMatchObject({ intent: "request_help", slots: { category: "housework" } });
  });

  it("when a resident thanks for what was done (教えてくれてありがとね), reads thanks, not a request to be told", () => {
    expect(router.route("色々教えてくれてありがとね", NOW).intent).toBe("thanks");
    expect(router.route("来てくれて助かりました", NOW).intent).toBe("thanks");
  });

  it("when someone would like to try becoming a volunteer (担い手さんになってみたい), reads registering: the helping verb みたい is not 見たい", () => {
    expect(router.route("担い手さんになってみたい", NOW).intent).toBe("volunteer_register");
    expect(router.route("ボランティアの登録内容を見たい", NOW).intent).toBe("volunteer_profile");
  });

  it("when a resident asks for someone who could do a chore (草むしりしてもらえる人おらんかね), reads a request for help", () => {
    expect(router.route("草むしりしてもらえる人おらんかね", NOW).intent).toBe("request_help");
    expect(router.route("草むしりをしてもらえるサービス", NOW).intent).toBe("find_service");
  });

  it("when a coordinator tells the meeting they will hold (来月10日に協議体をやります), reads a new meeting; asking where it is held is the list", () => {
    expect(router.route("来月10日に第2層の協議体をやります", NOW).intent).toBe("meeting_create");
    expect(router.route("協議体はどこでやりますか", NOW).intent).toBe("meeting_list");
  });

  it("when a resident asks whether a named service can be had (配食サービスって頼めますか), still searches services", () => {
    expect(router.route("配食サービスって頼めますか", NOW).intent).toBe("find_service");
  });

  it("when a newcomer says where they live and then asks for a hobby group there, searches (the area is where to search), not only sets the home area", () => {
    const r = router.route("今年から成増に住んでいますが、知り合いがいません。成増でやっている趣味の会や教室があれば参加してみたいです", NOW);
    expect(r.intent).toBe("find_place");
    expect(r.slots).toMatchObject({ category: "hobby", area: "成増" });
    expect(router.route("成増に住んでいます", NOW).intent).toBe("set_area");
  });

  it("when a resident types しょくじかい in hiragana, does not also read the じかい inside it as 次回 (a question about the next date)", () => {
    expect(router.route("とくまるの ちかくで しょくじかい", NOW).slots).toEqual({ category: "meal", area: "徳丸", nearby: true });
    // Written on its own, じかい still asks when the next one is.
    expect(router.route("じかい は いつ", NOW).slots.followUp).toBe("when");
  });

  it.each([
    ["そうげいの さーびす しりたい", "transport"],
    ["へやの そうじ てつだって", "housework"],
    ["いどう の しえん", "transport"],
  ])("when a resident types a word with long vowels in kana (%s), finds its category although its folded reading is short", (text, category) => {
    expect(router.route(text, NOW).slots.category).toBe(category);
  });

  it.each(["そうじゃね", "そうさ", "きのう さろんに いった"])("does not take everyday kana (%s) for a kanji word read the same way", (text) => {
    const r = router.route(text, NOW);
    expect(["housework", "transport"]).not.toContain(r.slots.category);
    expect(r.intent).not.toBe("help");
  });

  it("when a resident asks そこはいくら？ after a search, reads a question about the fee, not the hobby 俳句 (はいく) across the particle", () => {
    const r = router.route("そこはいくら？", NOW);
    expect(r.slots.followUp).toBe("fee");
    expect(r.slots.category).toBeUndefined();
    // At the start of a message, kana cut wrongly (に|しだいに) may still be an area: 西台 is in 徳丸.
    expect(router.route("にしだいに すんでいます", NOW).slots.area).toBe("徳丸");
  });

  it.each(["にわの くさむしり たのみたい", "庭の草むしりを頼みたい"])(
    "when a resident asks for a task with 頼みたい (%s), reads a request for help, not a search for services",
    (text) => {
      expect(router.route(text, NOW).intent).toBe("request_help");
    },
  );

  it("when a member writes 次の協議体には…参加させていただきます (humble, not a causative), reads that they will attend", () => {
    expect(router.route("次の協議体には、地域の民生委員さんと一緒に参加させていただきます", NOW)).toMatchObject({ intent: "meeting_rsvp", slots: { attending: true } });
  });

  it("when a volunteer asks for their registration to be cancelled with the object marked by は (登録は取り消して), reads leaving, not thanks for the closing words", () => {
    expect(router.route("引っ越すことになったので、このボランティアの登録は取り消してもらえますか。今までありがとうございました", NOW).intent).toBe("volunteer_withdraw");
  });

  it.each(["毎日がつらくて、このまま生きていても意味がないのではないかと考えてしまいます", "生きてても仕方ない"])("when someone writes that living is pointless (%s), recognises despair", (text) => {
    expect(router.route(text, NOW).intent).toBe("despair");
  });

  it("when a coordinator writes 志村地区 (the district), does not take it for the area whose alias is 志村, but 蓮根地区 is still 蓮根", () => {
    expect(router.route("志村地区の住民向けに案内を流して", NOW).slots.area).toBeUndefined();
    expect(router.route("蓮根地区のサロン", NOW).slots.area).toBe("蓮根");
    expect(router.route("志村のサロン", NOW).slots.area).toBe("志村坂上");
  });

  it.each(["協議体、行けそうにないです", "協議体には出られそうもありません"])("when a member writes that they are not likely to come (%s), reads a no to the meeting", (text) => {
    expect(router.route(text, NOW)).toMatchObject({ intent: "meeting_rsvp", slots: { attending: false } });
  });

  it.each(["母が転んで骨折しました", "足を怪我してしまいました"])("when a resident tells of an injury (%s), neither the fallback nor the もしかして buttons offer to set the home area", (text) => {
    const r = router.route(text, NOW);
    expect(r.intent).not.toBe("set_area");
    expect((r.candidates ?? []).map((c) => c.intent)).not.toContain("set_area");
  });

  it("explains its choice with tokens and scores", () => {
    const e = router.explain("蓮根のサロン", NOW);
    expect(e.tokens.length).toBeGreaterThan(0);
    expect(e.scores[0]).toMatchObject({ intent: "find_place" });
  });
});
