import type { Feature } from "../../conversation/types.js";
import { greetingMessages, helpMessages, thanksMessages } from "./messages.js";

export const welcomeFeature: Feature = {
  name: "welcome",
  intents: {
    greeting: async () => ({ replies: greetingMessages() }),
    help: async () => ({ replies: helpMessages() }),
    thanks: async () => ({ replies: thanksMessages() }),
  },
  postbacks: {
    help: async () => ({ replies: helpMessages() }),
  },
};
