import type { ApplicationSet, Generator } from './types.js';

/** The repositories an ApplicationSet's git generators read (nested ones too): a push to one regenerates it. */
export function gitRepositoriesOf(appSet: ApplicationSet): { repoURL: string; revision: string }[] {
  const found: { repoURL: string; revision: string }[] = [];
  const visit = (generator: Generator) => {
    if (generator.git) found.push({ repoURL: generator.git.repoURL, revision: generator.git.revision });
    for (const child of generator.matrix?.generators ?? generator.merge?.generators ?? []) visit(child);
  };
  appSet.generators.forEach(visit);
  return found;
}
