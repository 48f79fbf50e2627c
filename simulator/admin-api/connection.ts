import { GraphQLError } from "graphql";
import { connectionsUnpaged } from "./bulk-operations";

/** Relay connections as Shopify pages them: opaque cursors, first/after or last/before, at most 250. */
export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  reverse?: boolean | null;
}

const encode = (index: number) => Buffer.from(`cursor:${index}`).toString("base64");
function decode(cursor: string): number {
  const match = /^cursor:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new GraphQLError("Invalid cursor for current pagination sort.", { extensions: { code: "BAD_REQUEST" } });
  return Number(match[1]);
}

export function connection<T>(items: readonly T[], args: ConnectionArgs) {
  if (args.first == null && args.last == null && connectionsUnpaged()) args = { ...args, first: items.length };
  else if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  if (((args.first ?? 0) > 250 || (args.last ?? 0) > 250) && !connectionsUnpaged()) {
    throw new GraphQLError("The maximum number of records that can be fetched is 250.", { extensions: { code: "MAX_PAGE_SIZE_EXCEEDED" } });
  }
  const ordered = args.reverse ? [...items].reverse() : items;
  let start = 0;
  let end = ordered.length;
  if (args.after) start = decode(args.after) + 1;
  if (args.before) end = Math.min(end, decode(args.before));
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = ordered.slice(start, end).map((node, offset) => ({ node, cursor: encode(start + offset) }));
  return {
    edges: slice,
    nodes: slice.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < ordered.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice.at(-1)?.cursor ?? null,
    },
  };
}
