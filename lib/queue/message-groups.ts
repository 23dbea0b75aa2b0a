/** What the grouping needs of an SQS record: Lambda's and the SDK's shapes both have it. */
export interface GroupedRecord {
  attributes: { MessageGroupId?: string };
}

/**
 * The records of a FIFO batch split by message group, each group in the batch's order, groups in the order they
 * first appear. Groups are independent (one app each), so they may run side by side; inside a group, in order.
 */
export function byMessageGroup<T extends GroupedRecord>(records: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = record.attributes.MessageGroupId ?? '';
    const members = groups.get(group);
    if (members) members.push(record);
    else groups.set(group, [record]);
  }
  return [...groups.values()];
}
