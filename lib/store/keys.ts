/** Key builders of the status table; the layout is documented in table-schema.ts. */
export const APP_STATUS_SK = 'status';
export const DELETED_APP_SK = 'deleted';
export const HISTORY_PREFIX = 'history#';
export const BLOB_PREFIX = 'blob#';
export const APPS_LIST = 'apps';
export const TOKENS_LIST = 'apitokens';

export interface Key {
  pk: string;
  sk: string;
}

export const appPk = (app: string) => `app#${app}`;
export const appStatusKey = (app: string): Key => ({ pk: appPk(app), sk: APP_STATUS_SK });
export const deletedAppKey = (app: string): Key => ({ pk: appPk(app), sk: DELETED_APP_SK });
export const historyKey = (app: string, id: string): Key => ({ pk: appPk(app), sk: `${HISTORY_PREFIX}${id}` });
export const deliveryKey = (deliveryId: string): Key => ({ pk: `delivery#${deliveryId}`, sk: 'delivery' });
export const apiTokenKey = (hash: string): Key => ({ pk: `apitoken#${hash}`, sk: 'apitoken' });
export const registryKey: Key = { pk: 'registry', sk: 'current' };
export const repositoryIndexKey: Key = { pk: 'repositories', sk: 'index' };
export const blobPartPrefix = (generation: string) => `${BLOB_PREFIX}${generation}#`;
export const blobPartSk = (generation: string, index: number) => `${blobPartPrefix(generation)}${String(index).padStart(4, '0')}`;
