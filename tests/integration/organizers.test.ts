import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pdfText } from "../support/pdf.js";
import { Jobs } from "../../src/jobs/jobs.js";
import { LineGateway } from "../../src/line/client.js";
import { silentLogger } from "../../src/log.js";
import { becomeSc, lastQuick } from "../support/actors.js";
import { useApp } from "../support/lifecycle.js";
import { demoRouter } from "../support/router.js";
import { startTestApp, type TestApp } from "../support/test-app.js";
import { events } from "../support/webhooks.js";

const SC = "U7070707070707070707070707070aaaa";
const ORG = "U7171717171717171717171717171bbbb";
const RES = "U7272727272727272727272727272cccc";
const SALON = "いきいきサロン蓮根";

/** The SC invites the organiser in LINE, the organiser claims the code. */
async function organiser(t: TestApp) {
  await becomeSc(t, SC, ["蓮根"]);
  await t.send(events.text(SC, "主催者の招待"));
  await t.send(events.text(SC, "いきいき"));
  await t.send(events.postback(SC, lastQuick(t, SC, SALON)));
  await t.send(events.postback(SC, lastQuick(t, SC, "これで決定")));
  const code = /主催者登録 ([A-Z0-9]+)/.exec(t.textsTo(SC).at(-1)!)![1];
  await t.send(events.follow(ORG));
  await t.send(events.text(ORG, `主催者登録 ${code}`));
  expect(t.textsTo(ORG).at(-1)).toContain(SALON);
}
const checks = (t: TestApp) => t.line.delivered.filter((c) => c.path.endsWith("/push") && c.body.to === ORG && /の1月の予定です/.test(c.body.messages[0].text ?? ""));
const salonCard = async (t: TestApp) => {
  await t.send(events.text(RES, "はすねのさろん"));
  return t.textsTo(RES).slice(-2).join("\n");
};

describe("organisers keep their listings true", () => {
  let t: TestApp;
  // Thursday 24 December 2026, 10:00 in Tokyo.
  useApp({ now: "2026-12-24T01:00:00Z" }, (x) => (t = x));

  it("the monthly check goes out on the 25th at 10:00, exactly once, even with a second scheduler and after a restart", async () => {
    await organiser(t);
    await t.jobs.kick();
    expect(checks(t)).toHaveLength(0);
    t.clock.set("2026-12-25T00:59:00Z"); // 9:59
    await t.jobs.kick();
    expect(checks(t)).toHaveLength(0);
    t.clock.set("2026-12-25T01:00:00Z"); // 10:00
    const other = new Jobs({ db: t.db, line: new LineGateway({ db: t.db, logger: silentLogger, channelAccessToken: "x", baseUrl: t.line.url }), logger: silentLogger, clock: t.clock, timeZone: "Asia/Tokyo" });
    await Promise.all([t.jobs.kick(), other.kick(), t.jobs.kick()]);
    expect(checks(t)).toHaveLength(1);
    const text = checks(t)[0].body.messages[0].text;
    expect(text).toContain("1月6日(水) 13:00〜16:00");
    expect(text).toContain("1月27日(水)");
    // A new process on the same database (a restart, or another instance) an hour later.
    const restarted = await startTestApp({ nlu: await demoRouter(), databaseUrl: t.databaseUrl, now: "2026-12-25T02:00:00Z", line: t.line });
    await restarted.jobs.kick();
    await restarted.stop();
    expect(checks(t)).toHaveLength(1);
  });

  it("休みの日がある: the chosen day becomes a day off that residents are told about, and the next date skips it", async () => {
    await organiser(t);
    t.clock.set("2026-12-25T01:00:00Z");
    await t.jobs.kick();
    await t.send(events.postback(ORG, lastQuick(t, ORG, "休みの日がある")));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "1月6日(水)")));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "これで決定")));
    expect(t.textsTo(ORG).at(-1)).toMatch(/1月6日\(水\)をお休みにしました/);
    t.clock.set("2027-01-04T01:00:00Z");
    const card = await salonCard(t);
    expect(card).toContain("1月6日(水)はお休みです");
    expect(card).toMatch(new RegExp(`${SALON}（1月13日\\(水\\)`));
    const r = await t.db.resource.findFirstOrThrow({ where: { name: SALON } });
    expect(r.lastVerifiedAt).not.toBeNull();
    const page = await (await fetch(`${t.url}/resources/${r.id}`)).text();
    expect(page).toContain("1月6日(水)はお休みです");
    const handout = await pdfText(Buffer.from(await (await fetch(`${t.url}/print/handout.pdf?area=${encodeURIComponent("蓮根")}`)).arrayBuffer()));
    expect(handout.text.replace(/\s+/g, "")).toContain("1月6日(水)はお休みです");
  });

  it("an SC can also make the invitation from the command line", () => {
    const id = 1;
    const out = execFileSync(process.execPath, ["--import", "tsx", "src/cli/admin.ts", "invite", "organizer", "--resource", String(id)], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, NODE_ENV: "test" },
      encoding: "utf8",
    });
    expect(out).toMatch(/主催者登録 [A-Z0-9]{6,}/);
  }, 60_000);

  it("日にちが変わる: a day moved to another, typed in Japanese", async () => {
    await organiser(t);
    await t.send(events.text(ORG, "予定を変えたい"));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "日にちが変わる")));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "12月30日(水)")));
    await t.send(events.text(ORG, "12月29日です"));
    expect(t.textsTo(ORG).at(-1)).toMatch(/12月30日\(水\)の回を、12月29日\(火\)に変えました/);
    const card = await salonCard(t);
    expect(card).toContain("12月30日(水)の回は、12月29日(火)に変わりました");
    expect(card).toMatch(new RegExp(`${SALON}（12月29日\\(火\\)`));
  });

  it("しばらく休止 until the end of next month: no dates until then; 終了: gone from residents' answers", async () => {
    await organiser(t);
    await t.send(events.text(ORG, "予定を変えたい"));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "しばらく休止")));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "来月いっぱい")));
    expect(t.textsTo(ORG).at(-1)).toMatch(/1月31日\(日\)までお休み/);
    expect(await salonCard(t)).toMatch(new RegExp(`${SALON}（2月3日\\(水\\)`));
    await t.send(events.text(ORG, "予定を変えたい"));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "終了")));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "終了する")));
    expect((await t.db.resource.findFirstOrThrow({ where: { name: SALON } })).status).toBe("ended");
    expect(await salonCard(t)).not.toContain(SALON);
  });

  it("an organiser sees their listing as residents see it with 私の活動", async () => {
    await organiser(t);
    await t.send(events.text(ORG, "私の活動"));
    const shown = t.textsTo(ORG).slice(-2).join("\n");
    expect(shown).toContain("住民の方にはこのように見えています");
    expect(shown).toContain(SALON);
    expect(shown).toMatch(/12月30日\(水\) 13:00〜16:00/);
  });

  it("a reply in words to the monthly check is passed to the SC, not dropped", async () => {
    await organiser(t);
    t.clock.set("2026-12-25T01:00:00Z");
    await t.jobs.kick();
    await t.send(events.text(ORG, "1月は会場の工事があるかもしれません"));
    expect(t.textsTo(ORG).at(-1)).toMatch(/コーディネーターにお伝えしました/);
    expect(t.textsTo(SC).at(-1)).toMatch(/1月は会場の工事があるかもしれません/);
  });

  it("a listing not confirmed for three months is flagged to its area's SCs once and shown to residents with its date", async () => {
    await becomeSc(t, SC, ["蓮根"]);
    await t.db.resource.updateMany({ where: { name: SALON }, data: { lastVerifiedAt: new Date("2026-08-10T01:00:00Z") } });
    await t.db.resource.updateMany({ where: { NOT: { name: SALON } }, data: { lastVerifiedAt: new Date("2026-12-01T01:00:00Z") } });
    await t.jobs.kick();
    const flagged = t.textsTo(SC).filter((x) => /3か月以上/.test(x));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toContain(SALON);
    t.clock.advance(2 * 3_600_000);
    await t.jobs.kick();
    expect(t.textsTo(SC).filter((x) => /3か月以上/.test(x))).toHaveLength(1);
    expect(await salonCard(t)).toContain("情報は2026年8月時点です");
  });

  it("a recruiting note goes to the SC for approval, then out to the area's residents", async () => {
    await organiser(t);
    const resident = "U7373737373737373737373737373dddd";
    await t.send(events.text(resident, "蓮根に住んでいます"));
    await t.send(events.text(ORG, "予定を変えたい"));
    await t.send(events.postback(ORG, lastQuick(t, ORG, "参加者募集")));
    await t.send(events.text(ORG, "1月から手芸の時間を始めます。初めての方も歓迎です。"));
    expect(t.textsTo(SC).at(-1)).toMatch(/参加者募集のお知らせの依頼/);
    expect(t.textsTo(resident).join("\n")).not.toContain("手芸の時間");
    await t.send(events.postback(SC, lastQuick(t, SC, "承認して送る")));
    await t.jobs.kick();
    expect(t.textsTo(resident).join("\n")).toContain("【参加者募集】いきいきサロン蓮根");
    expect(t.textsTo(ORG).at(-1)).toMatch(/承認され/);
  });
});

describe("residents hear back when a need is met", () => {
  let t: TestApp;
  useApp({ now: "2026-12-01T01:00:00Z" }, (x) => (t = x));

  it("見つかったら知らせてほしい after a search that found nothing: one message when such an activity starts there, and never again", async () => {
    // An area with no 認知症カフェ: its cafe is ended for this test.
    const funado = await t.db.area.findUniqueOrThrow({ where: { name: "舟渡" } });
    await t.db.resource.updateMany({ where: { areaId: funado.id, categoryKey: "dementia_cafe" }, data: { status: "ended" } });
    await t.send(events.text(RES, "舟渡の認知症カフェ"));
    expect(t.textsTo(RES).at(-1)).toMatch(/見つかりませんでした/);
    await t.send(events.postback(RES, lastQuick(t, RES, "見つかったら知らせてほしい")));
    expect(t.textsTo(RES).at(-1)).toMatch(/一度だけお知らせします/);
    const before = t.messagesTo(RES).length;
    await t.jobs.kick();
    expect(t.messagesTo(RES).length).toBe(before);
    t.clock.advance(86_400_000);
    await t.db.resource.create({
      data: { name: "舟渡オレンジカフェ", categoryKey: "dementia_cafe", areaId: funado.id, scheduleText: "毎月第2金曜日 14:00~16:00", scheduleRule: JSON.stringify({ pattern: "nthWeekday", weekdays: [5], nths: [2], start: 840, end: 960 }), phone: "0359001234", venue: "舟渡ふれあい館", status: "active", activatedAt: t.clock.now() },
    });
    await t.jobs.kick();
    await t.jobs.kick();
    const notices = t.textsTo(RES).filter((x) => /以前おさがしだった/.test(x));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("舟渡オレンジカフェ");
    expect(notices[0]).toContain("03-5900-1234");
    expect(await t.db.notifyRequest.count({ where: { notifiedAt: null } })).toBe(0);
  });
});
