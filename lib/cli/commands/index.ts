import type { Command } from '../command.js';
import { appDelete } from './app-delete.js';
import { appDiff } from './app-diff.js';
import { appGet } from './app-get.js';
import { appHistory } from './app-history.js';
import { appList } from './app-list.js';
import { appRollback } from './app-rollback.js';
import { appSync } from './app-sync.js';
import { appUnpin } from './app-unpin.js';
import { appWait } from './app-wait.js';
import { clusterAdd } from './cluster-add.js';
import { clusterList } from './cluster-list.js';
import { repoAdd, repocredsAdd } from './repo-add.js';
import { repoList, repocredsList } from './repo-list.js';
import { repoRm, repocredsRm } from './repo-rm.js';
import { tokenCreate } from './token-create.js';

/** Every command, in the order `--help` lists them. */
export const commands: readonly Command[] = [appList, appGet, appDiff, appSync, appHistory, appRollback, appUnpin, appDelete, appWait, clusterAdd, clusterList,
  repoAdd, repoList, repoRm, repocredsAdd, repocredsList, repocredsRm, tokenCreate];
