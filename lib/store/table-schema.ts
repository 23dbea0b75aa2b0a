/**
 * The status table: one DynamoDB table, generic keys `pk` (partition) and `sk` (sort), every kind of item
 * told apart by its key prefix. infra/resources/tables.yml declares it; the local loop and the tests deploy that
 * same declaration into moto (infra/local/aws-resources.ts), and a unit test keeps it and the names below equal.
 *
 *   item                 pk                   sk                         gsi1pk      gsi1sk   TTL
 *   app status           app#<app>            status                     apps        <app>
 *   history entry        app#<app>            history#<id>
 *   deleted app          app#<app>            deleted                                         expiresAt
 *   blob part            <owner's pk>         blob#<generation>#<nnnn>
 *   webhook delivery     delivery#<id>        delivery                                        expiresAt
 *   API token            apitoken#<sha256>    apitoken                   apitokens   <id>
 *   registry snapshot    registry             current
 *   repository index     repositories         index
 *
 * - History ids start with the ISO finish time, so a reverse query on `history#` lists newest first.
 * - Large JSON (resources lists, history details, the registry) is gzipped into a binary attribute, and split
 *   into blob parts under the owner's partition when even that exceeds what one 400 KB item can hold.
 * - GSI `gsi1` is sparse (only items with `gsi1pk`) and lists all apps or all tokens; it projects the summary
 *   attributes only, never the gzipped blobs.
 * - TTL attribute `expiresAt` (epoch seconds) expires webhook deliveries and what is remembered of deleted apps. DynamoDB deletes expired items
 *   within a day or two, so readers also treat `expiresAt` in the past as absent.
 *
 * Done jobs use a second, Powertools-shaped idempotency table: partition key `id`, TTL attribute `expiration`.
 */
export const STATUS_TTL_ATTRIBUTE = 'expiresAt';
export const IDEMPOTENCY_TTL_ATTRIBUTE = 'expiration';
export const LIST_INDEX = 'gsi1';

/** Attributes copied into `gsi1`: what listing apps and tokens shows. */
export const LIST_INDEX_ATTRIBUTES = [
  'app', 'sync', 'health', 'revision', 'revisionCommitTime', 'newestCommitTime', 'deployedAt', 'targetRevision',
  'lastOperation', 'lastDiffSummary', 'pin', 'conditions', 'updatedAt', 'version',
  'id', 'name', 'role', 'hash', 'createdAt',
];
