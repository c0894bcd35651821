import { CONTEXT_STEP, type Feature, type Turn, type TurnContext } from "../../conversation/types.js";
import { logInquiry } from "../../inquiries/log.js";
import type { QuickReplyChoice } from "../../line/messages.js";
import type { RouteResult } from "../../nlu/types.js";
import { hasRole } from "../../users/service.js";
import { areaById, areaByName, blocksWithAreas, neighbourAreas } from "../areas/service.js";
import { askAreaMessages, askLocationMessages, askThemMessages, describeQuery, lastDetailsMessages, noMoreMessages, noResultMessages, PAGE_SIZE, resultMessages, whenText } from "./messages.js";
import { displayPhone } from "../../util/phone.js";
import { hasTimeFilters, parseQueryParams, queryFromSlots, queryParams, withoutTimeFilters, type SearchQuery } from "./query.js";
import { RELATED } from "./related.js";
import { categoriesOf, searchResources, type ResourceHit } from "./service.js";
import { expiredButtonMessages, unknownMessages } from "../welcome/messages.js";

export const SEARCH_FLOW = "search" as const;

/** What a search keeps for the needs figures once it is answered. */
interface PendingInquiry {
  q: SearchQuery;
  text: string;
  intent: string;
  slots: object;
}

declare module "../../conversation/types.js" {
  interface FlowStates {
    search:
      | { flow: typeof SEARCH_FLOW; step: "area" | "location"; data: PendingInquiry }
      /** The last answer, for follow-up questions (月曜日は？ そこの電話番号は？). */
      | { flow: typeof SEARCH_FLOW; step: typeof CONTEXT_STEP; data: SearchContext };
  }
}


const KIND_LABEL = { place: "サロンや集いの場", service: "生活のサービス", consultation: "相談窓口" } as const;

async function labelOf(ctx: TurnContext, q: SearchQuery): Promise<string> {
  if (q.categories.length === 1) {
    const c = (await categoriesOf(ctx.deps.db)).get(q.categories[0]);
    if (c) return c.label;
  }
  return KIND_LABEL[q.kind ?? "place"];
}

function options(ctx: TurnContext, pageSize = PAGE_SIZE) {
  return { now: ctx.now, timeZone: ctx.deps.config.timeZone, viewer: hasRole(ctx.user, "sc") ? ("sc" as const) : ("resident" as const), pageSize };
}

const askScChoice = (q: SearchQuery): QuickReplyChoice => ({
  kind: "postback",
  label: "コーディネーターに相談",
  action: "help.ask",
  params: { c: q.categories[0], a: q.areaId },
  displayText: "コーディネーターに相談したい",
});

/** Runs a search and answers it; logs the inquiry on the first page. */
export async function answerSearch(ctx: TurnContext, q: SearchQuery, inquiry?: { text: string; intent: string; slots: object }): Promise<Turn> {
  const { db } = ctx.deps;
  const area = q.areaId !== undefined ? await areaById(db, q.areaId) : null;
  // A tampered or outdated button may name an area that does not exist.
  if (q.areaId !== undefined && !area) return { replies: expiredButtonMessages(), state: null };
  const label = await labelOf(ctx, q);
  const subject = describeQuery(area?.name, label, q);
  const outcome = await searchResources(db, q, options(ctx));
  if (inquiry) {
    await logInquiry(db, {
      asker: ctx.user,
      userId: ctx.user.id,
      text: inquiry.text,
      intent: inquiry.intent,
      slots: inquiry.slots,
      categoryKey: q.categories[0] ?? null,
      areaId: q.areaId ?? null,
      resultsCount: outcome.total,
    });
  }
  if (outcome.total > 0) {
    const choices: QuickReplyChoice[] = [
      { kind: "location", label: "近くをさがす" },
      { kind: "postback", label: "ほかの地域", action: "search.area", params: queryParams({ ...q, areaId: undefined, near: undefined, offset: undefined }), displayText: "ほかの地域" },
      askScChoice(q),
    ];
    return { replies: resultMessages(subject, q, outcome.items, outcome.total, choices), state: contextState(q, outcome.items, outcome.total) };
  }

  // Nothing found: say so, and offer what is close (another day, a neighbouring area, a related kind).
  const suggestions: string[] = [];
  const choices: QuickReplyChoice[] = [];
  if (hasTimeFilters(q)) {
    const anyDay = withoutTimeFilters(q);
    const n = (await searchResources(db, anyDay, options(ctx, 1))).total;
    if (n > 0) {
      suggestions.push(`曜日や時間を問わなければ${n}件あります。`);
      choices.push({ kind: "postback", label: "曜日を問わずさがす", action: "search", params: queryParams(anyDay), displayText: "曜日を問わずさがす" });
    }
  }
  if (q.free) {
    const anyFee: SearchQuery = { ...q, free: undefined, offset: undefined };
    const n = (await searchResources(db, anyFee, options(ctx, 1))).total;
    if (n > 0) {
      suggestions.push(`費用がかかるものも含めると${n}件あります。`);
      choices.push({ kind: "postback", label: "費用を問わずさがす", action: "search", params: queryParams(anyFee), displayText: "費用を問わずさがす" });
    }
  }
  if (area && !q.near) {
    for (const n of await neighbourAreas(db, area)) {
      if (choices.length >= 3) break;
      const count = (await searchResources(db, { ...q, areaId: n.id, offset: 0 }, options(ctx, 1))).total;
      if (count > 0) {
        suggestions.push(`となりの${n.name}には${count}件あります。`);
        choices.push({ kind: "postback", label: `${n.name}でさがす`, action: "search", params: queryParams({ ...q, areaId: n.id, offset: 0 }), displayText: `${n.name}でさがす` });
      }
    }
  }
  for (const key of RELATED[q.categories[0] ?? ""] ?? []) {
    if (choices.length >= 5) break;
    const related = { ...withoutTimeFilters(q), categories: [key] };
    const count = (await searchResources(db, related, options(ctx, 1))).total;
    if (count > 0) {
      const c = (await categoriesOf(db)).get(key);
      choices.push({ kind: "postback", label: `${c?.label ?? key}をさがす`, action: "search", params: queryParams(related), displayText: `${c?.label ?? key}をさがす` });
    }
  }
  suggestions.push("地域の生活支援コーディネーターに相談することもできます。");
  choices.push(askScChoice(q));
  // Consent to one message when such an activity starts in that area (90 days).
  if (q.categories.length === 1 && area?.kind === "area") {
    suggestions.push("見つかったときにお知らせすることもできます。");
    choices.push({ kind: "postback", label: "見つかったら知らせてほしい", action: "notify.want", params: { c: q.categories[0], a: area.id }, displayText: "見つかったら知らせてほしい" });
  }
  return { replies: noResultMessages(subject, suggestions, choices), state: contextState(q, [], 0) };
}

/** What follow-ups ("月曜日は？", "ほかには？", "そこの電話番号は？") reuse for 30 minutes after an answer. */
interface SearchContext {
  q: SearchQuery;
  total: number;
  /** The answer's results as shown: name, phone, place. */
  last: { n: string; p: string; v: string; w: string; f?: string }[];
}

function contextState(q: SearchQuery, items: ResourceHit[], total: number): Turn["state"] {
  const data: SearchContext = {
    q,
    total,
    last: items.map((h) => ({ n: h.name, p: h.phone, v: h.restricted ? "" : [h.venue, h.address].filter(Boolean).join("　"), w: whenText(h), f: h.fee })),
  };
  return { flow: SEARCH_FLOW, step: CONTEXT_STEP, data };
}

/** Ends like a question: ？, ですか, ますか, かな. */
const QUESTION = /(\?|ですか|ますか|かな|かね|んですか|るの|いの)$/;
/** Said back to an answer, not asked: そうですか, へえ そうなんですか, あの. */
const ACKNOWLEDGEMENT = /^(へえ|ふーん|ああ|あ|はあ|なるほど|えーと|あの)?\s*(そう|そうです|そうなん|そうなんです|あの)?(か|ですか|なの|なんですか)?\??$/;

const FOLLOW_UP_INTENTS = new Set(["unknown", "find_place", "find_service", "find_consultation"]);

/** A short question about the last answer, or null when the message is a request of its own. */
async function followUp(ctx: TurnContext, route: RouteResult, c: SearchContext): Promise<Turn | null> {
  const s = route.slots;
  // The learned fallback's guess (月曜日は？ as a volunteer's availability) gives way to the search just made.
  if (s.area || s.nearby || !(FOLLOW_UP_INTENTS.has(route.intent) || route.learned)) return null;
  const area = c.q.areaId !== undefined ? await areaById(ctx.deps.db, c.q.areaId) : null;
  const label = await labelOf(ctx, c.q);
  const subject = describeQuery(area?.name, label, c.q);
  const keep = { replies: [] as Turn["replies"], state: { flow: SEARCH_FLOW, step: CONTEXT_STEP, data: c } };
  if (s.followUp === "phone") return { ...keep, replies: lastDetailsMessages(subject, c.last.map((x) => ({ name: x.n, detail: x.p ? displayPhone(x.p) : "" })), "phone") };
  if (s.followUp === "place") return { ...keep, replies: lastDetailsMessages(subject, c.last.map((x) => ({ name: x.n, detail: x.v })), "place") };
  if (s.followUp === "fee") return { ...keep, replies: lastDetailsMessages(subject, c.last.map((x) => ({ name: x.n, detail: x.f ?? "" })), "fee") };
  if (s.followUp === "when" && !s.weekdays && !s.date && !s.timeOfDay && !s.category) return { ...keep, replies: lastDetailsMessages(subject, c.last.map((x) => ({ name: x.n, detail: x.w ?? "" })), "when") };
  const inquiry = { text: route.text, intent: route.intent === "unknown" ? "find_place" : route.intent, slots: route.slots };
  if (s.category || s.weekdays || s.timeOfDay || s.date || s.free) {
    const q: SearchQuery = { ...c.q, offset: undefined };
    if (s.free) q.free = true;
    if (s.category) Object.assign(q, { categories: [s.category], kind: undefined });
    if (s.weekdays) Object.assign(q, { weekdays: s.weekdays, date: undefined, dateTo: undefined });
    if (s.date) Object.assign(q, { date: s.date, dateTo: s.dateTo, weekdays: undefined });
    if (s.timeOfDay) q.timeOfDay = s.timeOfDay;
    return answerSearch(ctx, q, inquiry);
  }
  if (s.followUp === "more") {
    const shown = (c.q.offset ?? 0) + c.last.length;
    if (c.total > shown) return answerSearch(ctx, { ...c.q, offset: shown });
    // Nothing more on those days (ほかの日は？): the same kind on any day, if that finds more.
    if (hasTimeFilters(c.q) && c.q.categories.length) {
      const anyDay = withoutTimeFilters(c.q);
      if ((await searchResources(ctx.deps.db, anyDay, options(ctx, 1))).total > c.total) return answerSearch(ctx, anyDay, inquiry);
    }
    // Nothing more of the same: everything of that kind in the same area, any day.
    const kind = c.q.kind ?? ((await categoriesOf(ctx.deps.db)).get(c.q.categories[0] ?? "")?.kind as SearchQuery["kind"]) ?? "place";
    const wider: SearchQuery = { ...withoutTimeFilters(c.q), categories: [], kind: kind === "consultation" ? "place" : kind };
    if (wider.categories.length === c.q.categories.length && !hasTimeFilters(c.q)) return { ...keep, replies: noMoreMessages(subject) };
    return answerSearch(ctx, wider, inquiry);
  }
  // A question about the results the bot has no field for (予約はいりますか？): who can answer it.
  const asked = route.normalized.trim();
  if (route.intent === "unknown" && QUESTION.test(asked) && !ACKNOWLEDGEMENT.test(asked)) {
    return { ...keep, replies: askThemMessages(subject, c.last.map((x) => ({ name: x.n, phone: x.p ? displayPhone(x.p) : "" }))) };
  }
  // Not understood: say so, and keep the context for the next try.
  if (route.intent === "unknown") return { ...keep, replies: unknownMessages() };
  return null;
}

async function askAreaForSearch(ctx: TurnContext): Promise<Turn["replies"]> {
  const { db } = ctx.deps;
  const blocks = await blocksWithAreas(db);
  const top = blocks[0]?.parentId ? await areaById(db, blocks[0].parentId) : null;
  return askAreaMessages(blocks, true, top ? `${top.name}全体` : undefined);
}

async function askArea(ctx: TurnContext, q: SearchQuery, route: RouteResult): Promise<Turn> {
  return {
    replies: await askAreaForSearch(ctx),
    state: { flow: SEARCH_FLOW, step: "area", data: { q, text: route.text, intent: route.intent, slots: route.slots } },
  };
}

async function searchFromText(ctx: TurnContext, route: RouteResult, kind: "place" | "service"): Promise<Turn> {
  const { db } = ctx.deps;
  const named = route.slots.area ? await areaByName(db, route.slots.area) : null;
  const q = queryFromSlots(route.slots, kind, named?.id ?? undefined);
  const inquiry = { text: route.text, intent: route.intent, slots: route.slots };
  if (!named && route.slots.nearby) {
    return { replies: askLocationMessages(), state: { flow: SEARCH_FLOW, step: "location", data: { q, ...inquiry } } };
  }
  if (!named) {
    if (ctx.user.homeAreaId) q.areaId = ctx.user.homeAreaId;
    else return askArea(ctx, q, route);
  }
  return answerSearch(ctx, q, inquiry);
}

export const searchFeature: Feature = {
  name: "search",
  intents: {
    find_place: (ctx, route) => searchFromText(ctx, route, "place"),
    find_service: (ctx, route) => searchFromText(ctx, route, "service"),
  },
  postbacks: {
    // もっと見る, and the suggestion buttons of a no-result answer.
    search: async (ctx, params) => {
      const q = parseQueryParams(params);
      if (!q) return { replies: expiredButtonMessages() };
      return answerSearch(ctx, q, q.offset ? undefined : { text: "（ボタン）", intent: "find_place", slots: params });
    },
    "search.area": async (ctx, params) => {
      const q = parseQueryParams(params);
      if (!q) return { replies: expiredButtonMessages() };
      return { replies: await askAreaForSearch(ctx), state: { flow: SEARCH_FLOW, step: "area", data: { q, text: "（ほかの地域）", intent: "find_place", slots: params } } };
    },
  },
  location: async (ctx, loc) =>
    answerSearch(ctx, { categories: [], kind: "place", near: { lat: loc.lat, lng: loc.lng } }, { text: "（位置情報）", intent: "find_place", slots: { nearby: true } }),
  flows: {
    [SEARCH_FLOW]: async (ctx, input, state) => {
      if (state.step === CONTEXT_STEP) return input.kind === "text" ? followUp(ctx, input.route, state.data) : null;
      const data = state.data;
      const inquiry = { text: data.text, intent: data.intent, slots: data.slots };
      if (input.kind === "location") return answerSearch(ctx, { ...data.q, areaId: undefined, near: { lat: input.lat, lng: input.lng } }, inquiry);
      if (input.kind === "postback" && input.postback.action === "area.pick") {
        const id = Number(input.postback.params.a);
        const area = Number.isInteger(id) ? await areaById(ctx.deps.db, id) : null;
        if (!area) return { replies: expiredButtonMessages() };
        return answerSearch(ctx, { ...data.q, areaId: area.id }, inquiry);
      }
      // The answer to "どちらの地域ですか？" is an area; a reply that is itself a new request
      // (蓮根の体操 after a question about salons) is handled as that request.
      const newCategory = input.kind === "text" && input.route.slots.category !== undefined && !data.q.categories.includes(input.route.slots.category);
      if (input.kind === "text" && input.route.slots.area && !newCategory && (input.route.intent === "set_area" || input.route.intent === "unknown" || input.route.intent === data.intent)) {
        const area = await areaByName(ctx.deps.db, input.route.slots.area);
        if (area) return answerSearch(ctx, { ...data.q, areaId: area.id }, inquiry);
      }
      return null;
    },
  },
};
