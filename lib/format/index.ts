export { changeVerb, countsText, pendingChangesText, shortRevision, triggerText } from './words.js';
