import type { Feature } from "../../conversation/types.js";
import { requestNotice } from "../../data/notices.js";
import { text } from "../../line/messages.js";
import { areaById } from "../areas/service.js";
import { categoriesOf } from "../search/service.js";
import { expiredButtonMessages, MAIN_MENU } from "../welcome/messages.js";

/** How long a "見つかったら知らせてほしい" consent lasts. */
export const NOTIFY_DAYS = 90;

/**
 * "見つかったら知らせてほしい" under a search that found nothing: the resident's
 * consent, for that category and area, for 90 days. The notice itself is sent
 * by the scheduler (jobs/notify-runner.ts) once, when a matching activity starts.
 */
export const noticesFeature: Feature = {
  name: "notices",
  postbacks: {
    "notify.want": async (ctx, p) => {
      const areaId = Number(p.a);
      const area = Number.isInteger(areaId) ? await areaById(ctx.deps.db, areaId) : null;
      const category = (await categoriesOf(ctx.deps.db)).get(p.c ?? "");
      if (!area || !category) return { replies: expiredButtonMessages() };
      await requestNotice(ctx.deps.db, ctx.user.id, areaId, p.c!, ctx.now, new Date(ctx.now.getTime() + NOTIFY_DAYS * 86_400_000));
      return {
        replies: [text(`わかりました。${area.name}で「${category.label}」が始まったら、一度だけお知らせします（${NOTIFY_DAYS}日間）。\n「お知らせ停止」と送ると、お知らせは届かなくなります。`, MAIN_MENU)],
      };
    },
  },
};
