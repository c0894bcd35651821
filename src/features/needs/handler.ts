import type { messagingApi } from "@line/bot-sdk";
import { areaByName } from "../areas/service.js";
import type { Feature } from "../../conversation/types.js";
import { card, labelCount } from "../../line/flex.js";
import { flex, text } from "../../line/messages.js";
import { needsReport, type NeedsReport } from "../../reports/needs.js";
import { formatDateRangeJa, parseIsoDate, zonedInstant, zonedParts } from "../../schedule/time.js";
import { hasRole } from "../../users/service.js";
import { SC_MENU } from "../roles/messages.js";
import { scScope } from "../roles/service.js";

const DAY = 86_400_000;

function summaryBubble(r: NeedsReport, tz: string): messagingApi.FlexBubble {
  const top = r.supplyDemand.filter((x) => x.inquiries > 0).sort((a, b) => b.inquiries - a.inquiries).slice(0, 5);
  return card([
    { type: "text", text: "ニーズの見える化", weight: "bold", size: "xl" },
    { type: "text", text: `${r.areas.length > 3 ? `${r.areas.length}地域` : r.areas.join("・")}（${formatDateRangeJa(zonedParts(r.period.from, tz), zonedParts(r.period.to, tz))}）`, size: "sm", color: "#6B6B6B", wrap: true },
    { type: "separator", margin: "md" },
    labelCount("問い合わせ", `${r.inquiries}件`),
    labelCount("見つからなかった", `${r.unmet.total}件`),
    labelCount("相談", `${r.help.total}件`),
    ...(r.urgent ? [labelCount("緊急の連絡（119番などを案内）", `${r.urgent}件`)] : []),
    ...(r.waiting.total ? [labelCount("見つかるのを待っている人", `${r.waiting.total}人`)] : []),
    { type: "separator", margin: "md" },
    { type: "text", text: "多い問い合わせ（問い合わせ／活動数）", size: "sm", weight: "bold", margin: "md" },
    ...(top.length ? top.map((x) => labelCount(x.label, `${x.inquiries}／${x.resources}`)) : [{ type: "text", text: "まだありません", size: "sm" } as messagingApi.FlexComponent]),
    ...(r.unmet.byCategory.length
      ? [{ type: "text", text: `見つからなかった：${r.unmet.byCategory.slice(0, 3).map((c) => `${c.label}${c.count}件`).join("、")}`, size: "sm", wrap: true, margin: "md" } as messagingApi.FlexComponent]
      : []),
  ]);
}

export const needsFeature: Feature = {
  name: "needs",
  restricted: { needs_report: ["sc"] },
  intents: {
    needs_report: async (ctx, route) => {
      if (!hasRole(ctx.user, "sc")) return { replies: [] };
      const scope = await scScope(ctx.deps.db, ctx.user.id);
      let areaIds = scope.areaIds;
      if (route.slots.area) {
        const a = await areaByName(ctx.deps.db, route.slots.area);
        if (a && areaIds.includes(a.id)) areaIds = [a.id];
      }
      const tz = ctx.deps.config.timeZone;
      const from = route.slots.date ? parseIsoDate(route.slots.date) : null;
      const to = route.slots.dateTo ? parseIsoDate(route.slots.dateTo) : null;
      const period = from && to ? { from: zonedInstant(from, 0, 0, tz), to: new Date(zonedInstant(to, 23, 59, tz).getTime() + 59_999) } : { from: new Date(ctx.now.getTime() - 30 * DAY), to: ctx.now };
      const r = await needsReport(ctx.deps.db, { areaIds, ...period });
      return {
        replies: [
          flex(`ニーズの見える化：問い合わせ${r.inquiries}件、見つからなかった${r.unmet.total}件、相談${r.help.total}件`, summaryBubble(r, tz)),
          text("グラフや表（CSV）、協議体で配る資料は、管理画面の「ニーズ」で見られます。「管理画面」と送ると、入口のリンクが届きます。", SC_MENU),
        ],
      };
    },
  },
};
