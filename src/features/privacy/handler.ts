import { confirmAnswer } from "../../conversation/answers.js";
import type { Feature } from "../../conversation/types.js";
import { text } from "../../line/messages.js";
import { deleteUserData } from "./service.js";
import { MAIN_MENU } from "../welcome/messages.js";

const FLOW = "delete";
/** 退会する, たいかいします, 消して, けしてください: typed like the button. */
const DELETE_WORDS = /^(退会|たいかい|消し?て|けして|消す|けす|削除|さくじょ)/;

const keptMessages = () => [text("退会しませんでした。これまでどおりご利用いただけます。", MAIN_MENU)];

export const privacyFeature: Feature = {
  name: "privacy",
  intents: {
    delete_my_data: async () => ({
      replies: [
        text("ご利用をやめて、お住まいの地域・ボランティア登録・ご相談の記録など、あなたの情報をすべて消します。元に戻せません。よろしいですか？", [
          { kind: "postback", label: "退会する", action: "privacy.delete", displayText: "退会する" },
          { kind: "postback", label: "退会しない", action: "flow.cancel", displayText: "退会しない" },
        ]),
      ],
      state: { flow: FLOW, step: "confirm", data: {} },
    }),
  },
  cancelled: { [FLOW]: keptMessages },
  flows: {
    [FLOW]: async (ctx, input) => {
      const answer = input.kind === "postback" ? (input.postback.action === "privacy.delete" ? "yes" : null) : input.kind === "text" ? confirmAnswer(input.text, DELETE_WORDS) : null;
      if (answer === "no") return { replies: keptMessages(), state: null };
      if (answer !== "yes") return null;
      await deleteUserData(ctx.deps.db, ctx.user, ctx.now);
      // The user row is gone: no state to save.
      return { replies: [text("あなたの情報を消しました。ご利用ありがとうございました。また使うときは、何か話しかけてください。")] };
    },
  },
};
