import type { Feature } from "../conversation/types.js";
import { welcomeFeature } from "./welcome/handler.js";

/** Every feature the bot offers, in the order their handlers are registered. */
export const allFeatures: Feature[] = [welcomeFeature];
