/** Short texts stay short in the table: an item must stay under 400 KB whatever a message says. */
export const MAX_TEXT_CHARS = 4000;

export function capText(text: string, max = MAX_TEXT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/** A JSON copy without `undefined` members, which DynamoDB cannot store. */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `value` without its `undefined` top-level members, keeping binary attributes as they are. */
export function defined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined));
}
