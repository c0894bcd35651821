// Prepares kuromoji's dictionary cache at install time, so even the first
// `npm start` reads it in one go (see src/nlu/dictionary.ts).
import { defaultCachePath, loadSections } from "../src/nlu/dictionary.js";
import { defaultSynonymCachePath, loadSynonymIndex } from "../src/nlu/synonyms.js";

loadSections();
console.log(`dictionary ready: ${defaultCachePath()}`);

// And the synonym dictionary, reduced to what matching uses (see src/nlu/synonyms.ts).
loadSynonymIndex();
console.log(`synonyms ready: ${defaultSynonymCachePath()}`);
