import { confirmAnswer } from "../../conversation/answers.js";
import type { Feature } from "../../conversation/types.js";
import { hasRole } from "../../users/service.js";
import { confirmDeleteMessages, deletedMessages, keptMessages, whichRegistrationMessages } from "./messages.js";
import { deleteUserData } from "./service.js";

const FLOW = "delete" as const;

declare module "../../conversation/types.js" {
  interface FlowStates {
    /** Asked to confirm deleting everything kept about the person. */
    delete: { flow: typeof FLOW; step: "confirm"; data: Record<string, never> };
  }
}
/** 退会する, たいかいします, 消して, けしてください: typed like the button. */
const DELETE_WORDS = /^(退会|たいかい|消し?て|けして|消す|けす|削除|さくじょ)/;
/** Words that mean the whole account, not only a volunteer registration. */
const WHOLE_ACCOUNT = /退会|たいかい|利用|りよう|line|ライン|らいん|情報|データ|全部|ぜんぶ|すべて/i;

export const privacyFeature: Feature = {
  name: "privacy",
  intents: {
    delete_my_data: async (ctx, route) => {
      // 登録をやめたい from a volunteer may mean the volunteer registration: ask which.
      if (hasRole(ctx.user, "volunteer") && !WHOLE_ACCOUNT.test(route.normalized)) return { replies: whichRegistrationMessages() };
      return { replies: confirmDeleteMessages(), state: { flow: FLOW, step: "confirm", data: {} } };
    },
  },
  cancelled: { [FLOW]: keptMessages },
  flows: {
    [FLOW]: async (ctx, input) => {
      const answer = input.kind === "postback" ? (input.postback.action === "privacy.delete" ? "yes" : null) : input.kind === "text" ? confirmAnswer(input.text, DELETE_WORDS) : null;
      if (answer === "no") return { replies: keptMessages(), state: null };
      if (answer !== "yes") return null;
      await deleteUserData(ctx.deps.db, ctx.user, ctx.now);
      // The user row is gone: no state to save.
      return { replies: deletedMessages() };
    },
  },
};
