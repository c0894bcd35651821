import type { Feature } from "../../conversation/types.js";
import { askCodeMessages, claimMessages } from "./messages.js";
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
  ],
};
