/** Fields whose content is free-form data where `null` means something (Helm: delete a default value). */
const verbatim = new Set(['valuesObject']);

/**
 * Removes mapping entries whose value is null, recursively, as Kubernetes' Go decoding does:
 * `automated:` with nothing after it is the same as no `automated` at all.
 */
export function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry === null) continue;
    out[key] = verbatim.has(key) ? entry : dropNulls(entry);
  }
  return out;
}
