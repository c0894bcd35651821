import { yesNo } from "../../conversation/answers.js";
import type { Feature } from "../../conversation/types.js";
import { text } from "../../line/messages.js";
import { deleteUserData } from "./service.js";

const FLOW = "delete";

export const privacyFeature: Feature = {
  name: "privacy",
  intents: {
    delete_my_data: async () => ({
      replies: [
        text("ご利用をやめて、お住まいの地域・ボランティア登録・ご相談の記録など、あなたの情報をすべて消します。元に戻せません。よろしいですか？", [
          { kind: "postback", label: "消す", action: "privacy.delete", displayText: "消してください" },
          { kind: "postback", label: "やめる", action: "flow.cancel", displayText: "やめる" },
        ]),
      ],
      state: { flow: FLOW, step: "confirm", data: {} },
    }),
  },
  flows: {
    [FLOW]: async (ctx, input) => {
      const yes = (input.kind === "postback" && input.postback.action === "privacy.delete") || (input.kind === "text" && yesNo(input.text) === "yes");
      if (!yes) return null;
      await deleteUserData(ctx.deps.db, ctx.user, ctx.now);
      // The user row is gone: no state to save.
      return { replies: [text("あなたの情報を消しました。ご利用ありがとうございました。また使うときは、何か話しかけてください。")] };
    },
  },
};
