// Prepares kuromoji's dictionary cache at install time, so even the first
// `npm start` reads it in one go (see src/nlu/dictionary.ts).
import { defaultCachePath, loadSections } from "../src/nlu/dictionary.js";

loadSections();
console.log(`dictionary ready: ${defaultCachePath()}`);
