import type { ShopRecord } from "../store";
import { parseGid } from "../ids";

/**
 * tagsAdd and tagsRemove, for the resources the simulator keeps tags on (customers and products).
 * As Shopify: adding a tag a resource has (in any case) changes nothing; removing one it lacks is
 * no error; a tag is at most 255 characters; another kind of id is "not found".
 */
const MAX_TAG = 255;

/** tagsAdd and tagsRemove answer Shopify's plain UserError: a field and a message, no code. */
type PlainUserError = { field: string[]; message: string };

function taggedOf(shop: ShopRecord, id: unknown): { tags: string[]; node: { __typename: string; id: unknown } } | null {
  const customer = parseGid(id, "Customer");
  if (customer) {
    const record = shop.customers.get(customer.id);
    return record ? { tags: record.tags, node: { __typename: "Customer", id } } : null;
  }
  const product = parseGid(id, "Product");
  const record = product ? shop.products.get(product.id) : undefined;
  return record ? { tags: record.tags, node: { __typename: "Product", id } } : null;
}

/** Shopify's tags argument: a list, or one string of comma-separated tags. */
function tagsFrom(input: unknown): string[] {
  const list = Array.isArray(input) ? input : typeof input === "string" ? input.split(",") : [];
  return list.map((tag) => String(tag).trim()).filter(Boolean);
}

const notFound = (): PlainUserError[] => [{ field: ["id"], message: "Resource not found" }];

export function addTags(shop: ShopRecord, id: unknown, input: unknown) {
  const tagged = taggedOf(shop, id);
  if (!tagged) return { node: null, userErrors: notFound() };
  const tags = tagsFrom(input);
  const tooLong = tags.findIndex((tag) => tag.length > MAX_TAG);
  if (tooLong >= 0)
    return { node: null, userErrors: [{ field: ["tags", String(tooLong)], message: "Tag is too long (maximum is 255 characters)" }] };
  for (const tag of tags) if (!tagged.tags.some((existing) => existing.toLowerCase() === tag.toLowerCase())) tagged.tags.push(tag);
  return { node: tagged.node, userErrors: [] };
}

export function removeTags(shop: ShopRecord, id: unknown, input: unknown) {
  const tagged = taggedOf(shop, id);
  if (!tagged) return { node: null, userErrors: notFound() };
  const removing = new Set(tagsFrom(input).map((tag) => tag.toLowerCase()));
  const kept = tagged.tags.filter((tag) => !removing.has(tag.toLowerCase()));
  tagged.tags.splice(0, tagged.tags.length, ...kept);
  return { node: tagged.node, userErrors: [] };
}
