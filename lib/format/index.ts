export { changeVerb, countsText, pendingChangesText, pinText, shortRevision, triggerText } from './words.js';
