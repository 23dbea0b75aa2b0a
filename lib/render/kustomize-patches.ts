import { readFile, writeFile } from 'node:fs/promises';
import { isSeq, parseDocument } from 'yaml';
import type { KustomizePatch } from '../model/index.js';
import { RenderError } from './errors.js';

/** A patch as the kustomization's `patches` field holds it, without the fields the spec left unset. */
function patchEntry(patch: KustomizePatch): Record<string, unknown> {
  const target = patch.target ? Object.fromEntries(Object.entries(patch.target).filter(([, v]) => v !== undefined)) : undefined;
  return {
    ...(patch.path !== undefined ? { path: patch.path } : {}),
    ...(patch.patch !== undefined ? { patch: patch.patch } : {}),
    ...(target ? { target } : {}),
    ...(patch.options ? { options: patch.options } : {}),
  };
}

/**
 * Appends spec.source.kustomize.patches to the `patches` of the kustomization file at `file` (a copy in the render's
 * own directory), as Argo CD does: there is no `kustomize edit` command for them. `where` names the file in errors.
 */
export async function addPatches(file: string, where: string, patches: readonly KustomizePatch[]): Promise<void> {
  if (patches.length === 0) return;
  const doc = parseDocument(await readFile(file, 'utf8'));
  if (doc.errors.length > 0) throw new RenderError(`${where}: invalid YAML, so spec.source.kustomize.patches cannot be added: ${doc.errors[0]!.message.split('\n')[0]}`);
  const existing = doc.get('patches', true);
  if (doc.get('patches') === undefined || doc.get('patches') === null) {
    doc.set('patches', doc.createNode(patches.map(patchEntry)));
  } else if (isSeq(existing)) {
    for (const patch of patches) existing.add(doc.createNode(patchEntry(patch)));
  } else {
    throw new RenderError(`${where}: patches is not a list, so spec.source.kustomize.patches cannot be added to it`);
  }
  await writeFile(file, doc.toString());
}
