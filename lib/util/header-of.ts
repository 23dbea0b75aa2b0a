/** A header's value by name, whatever case the runtime kept; blank counts as absent. */
export function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted && value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}
