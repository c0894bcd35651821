import type { Feature } from "../../conversation/types.js";
import { askCodeMessages, claimMessages, consoleLinkMessages } from "./messages.js";
import { createLoginLink, isStaff } from "../../console/auth.js";
import { claimInvitation } from "./service.js";

export const rolesFeature: Feature = {
  name: "roles",
  commands: [
    {
      // After normalisation: sc登録 abcd2345 / sc登録:abcd2345
      pattern: /^sc\s*登録\s*[:：]?\s*([a-z0-9-]{4,20})\s*$/,
      handle: async (ctx, m) => ({ replies: claimMessages(await claimInvitation(ctx.deps.db, ctx.user, m[1], ctx.now)), state: null }),
    },
    { pattern: /^sc\s*登録\s*$/, handle: async () => ({ replies: askCodeMessages() }) },
    {
      // 管理画面: a one-time sign-in link to the staff console, for coordinators and admins only.
      pattern: /^(管理画面|かんりがめん|管理画面を開きたい|管理画面にログイン)$/,
      handle: async (ctx) => {
        if (!isStaff(ctx.user)) return null;
        const link = await createLoginLink(ctx.deps.db, ctx.user, ctx.deps.config.publicBaseUrl, ctx.now);
        return { replies: consoleLinkMessages(link) };
      },
    },
  ],
};
