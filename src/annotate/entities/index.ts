export { EntityRegistry, type Lookup, type RegistryEntity } from "./registry.js";
export { annotateEntities, createEntitiesStages } from "./stage.js";
export { SharedRegistry } from "./registry-log.js";
export { entityId } from "./ids.js";
export { articleTokens, nameKey, tokenize, type Token } from "./text.js";
export { genderAt } from "./gender.js";
export { isSpeechVerb } from "./lexicon.js";
export { sentences } from "./recognize.js";
