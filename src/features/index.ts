import type { Feature } from "../conversation/types.js";
import { areasFeature } from "./areas/handler.js";
import { consultationFeature } from "./consultation/handler.js";
import { helpFeature } from "./help/handler.js";
import { matchingFeature } from "./matching/handler.js";
import { broadcastsFeature } from "./broadcasts/handler.js";
import { needsFeature } from "./needs/handler.js";
import { meetingsFeature } from "./meetings/handler.js";
import { privacyFeature } from "./privacy/handler.js";
import { rolesFeature } from "./roles/handler.js";
import { searchFeature } from "./search/handler.js";
import { volunteersFeature } from "./volunteers/handler.js";
import { welcomeFeature } from "./welcome/handler.js";
import { safetyFeature } from "./safety/handler.js";
import { organizersFeature } from "./organizers/handler.js";
import { noticesFeature } from "./notices/handler.js";

/** Every feature the bot offers. */
export const allFeatures: Feature[] = [safetyFeature, welcomeFeature, rolesFeature, searchFeature, areasFeature, consultationFeature, helpFeature, volunteersFeature, matchingFeature, broadcastsFeature, needsFeature, meetingsFeature, privacyFeature, organizersFeature, noticesFeature];
