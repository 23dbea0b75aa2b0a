/** Removes `user:password@` from every URL in `text`, so tool output and errors never show credentials. */
export function redactText(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1');
}
