const invalidNameChars = /[^-a-z0-9.]/g;

/**
 * Argo CD's `normalize` and the `…Normalized` parameters: lowercase, every character but a-z, 0-9, `-` and `.` becomes
 * `-`, at most 253 characters, no leading or trailing `-` or `.`.
 */
export function sanitizeName(name: string): string {
  const lowered = name.toLowerCase().replace(invalidNameChars, '-');
  return lowered.slice(0, 253).replace(/^[-.]+|[-.]+$/g, '');
}
