import { gid, minorFromDecimal, parseGid } from "../ids";
import type { MetafieldRecord, ProductRecord, ShopRecord, Store, VariantRecord } from "../store";
import type { UserError } from "./user-errors";

/**
 * Products as Orchard writes them: productSet (the whole product, created or brought to the given
 * state in one mutation), productVariantsBulkUpdate (the inventory item fields productSet's input
 * lacks in the pinned schema) and metafieldsSet (product and app-data metafields). Validation
 * follows Shopify's user error codes; a mutation that fails validation changes nothing.
 */
export const MAX_VARIANTS = 2048;
const MAX_OPTIONS = 3;
const MAX_OPTION_VALUE_LENGTH = 255;
const MAX_METAFIELDS_PER_CALL = 25;
/** Shopify caps a json metafield's value (shopify.dev, metafield limits). */
const MAX_JSON_METAFIELD_BYTES = 2 * 1024 * 1024;

interface MetafieldInput {
  namespace?: string;
  key?: string;
  type?: string;
  value?: string;
}

interface VariantSetInput {
  id?: string;
  optionValues: { optionName?: string; name?: string; optionId?: string; id?: string }[];
  price?: string;
  sku?: string;
  taxable?: boolean;
  inventoryPolicy?: "DENY" | "CONTINUE";
  position?: number;
}

export interface ProductSetInput {
  id?: string;
  title?: string;
  descriptionHtml?: string;
  handle?: string;
  vendor?: string;
  productType?: string;
  status?: ProductRecord["status"];
  tags?: string[];
  collections?: string[];
  metafields?: MetafieldInput[];
  productOptions?: { name?: string; values?: { name?: string }[] }[];
  variants?: VariantSetInput[];
  requiresSellingPlan?: boolean;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "product";

function uniqueHandle(shop: ShopRecord, wanted: string, productId: number | null): string {
  const taken = (handle: string) => [...shop.products.values()].some((p) => p.handle === handle && p.id !== productId);
  let handle = wanted;
  for (let n = 1; taken(handle); n += 1) handle = `${wanted}-${n}`;
  return handle;
}

function metafieldErrors(inputs: MetafieldInput[], field: string[]): UserError[] {
  return inputs.flatMap((input, index) => {
    const at = [...field, String(index)];
    if (!input.namespace || !input.key) return [{ field: [...at, "key"], message: "Key can't be blank", code: "BLANK" }];
    if (!input.type) return [{ field: [...at, "type"], message: "Type can't be blank", code: "BLANK" }];
    if (input.value === undefined) return [{ field: [...at, "value"], message: "Value can't be blank", code: "BLANK" }];
    if (input.type === "json") {
      try {
        JSON.parse(input.value);
      } catch {
        return [{ field: [...at, "value"], message: "Value is invalid JSON", code: "INVALID_VALUE" }];
      }
      if (Buffer.byteLength(input.value) > MAX_JSON_METAFIELD_BYTES)
        return [{ field: [...at, "value"], message: "Value is too big", code: "LESS_THAN_OR_EQUAL_TO" }];
    }
    if (input.type === "boolean" && input.value !== "true" && input.value !== "false")
      return [{ field: [...at, "value"], message: "Value must be true or false", code: "INVALID_VALUE" }];
    if (input.type === "number_integer" && !/^-?\d+$/.test(input.value))
      return [{ field: [...at, "value"], message: "Value must be an integer", code: "INVALID_VALUE" }];
    return [];
  });
}

function upsertMetafields(list: MetafieldRecord[], inputs: MetafieldInput[], now: Date): MetafieldRecord[] {
  const next = [...list];
  for (const input of inputs) {
    const record = { namespace: input.namespace!, key: input.key!, type: input.type!, value: input.value!, updatedAt: now };
    const index = next.findIndex((m) => m.namespace === record.namespace && m.key === record.key);
    if (index >= 0) next[index] = record;
    else next.push(record);
  }
  return next;
}

export function productSet(
  store: Store,
  shop: ShopRecord,
  input: ProductSetInput,
  now: Date,
): { product: ProductRecord | null; userErrors: UserError[] } {
  const fail = (field: string[], message: string, code: string) => ({
    product: null,
    userErrors: [{ field: ["input", ...field], message, code }],
  });
  const existingId = input.id === undefined ? null : parseGid(input.id, "Product");
  if (input.id !== undefined && (!existingId || !shop.products.has(existingId.id)))
    return fail(["id"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST");
  const existing = existingId ? shop.products.get(existingId.id)! : null;
  const title = input.title ?? existing?.title ?? "";
  if (!title.trim()) return fail(["title"], "Title can't be blank", "INVALID_PRODUCT");

  const options = input.productOptions
    ? input.productOptions.map((option) => ({ name: option.name ?? "", values: (option.values ?? []).map((v) => v.name ?? "") }))
    : (existing?.options ?? null);
  if (input.variants && !options)
    return fail(["productOptions"], "Product options input is required when updating variants", "PRODUCT_OPTIONS_INPUT_MISSING");
  if (options && options.length > MAX_OPTIONS)
    return fail(["productOptions"], "Can only specify a maximum of 3 options", "OPTIONS_OVER_LIMIT");
  for (const [index, option] of (options ?? []).entries()) {
    if (!option.name.trim()) return fail(["productOptions", String(index), "name"], "Option name can't be blank", "INVALID_INPUT");
    if (option.values.length === 0)
      return fail(["productOptions", String(index), "values"], "Option values are missing", "OPTION_VALUES_MISSING");
    if (new Set(option.values).size !== option.values.length)
      return fail(["productOptions", String(index), "values"], "Duplicated option value", "DUPLICATED_OPTION_VALUE");
    if (option.values.some((value) => !value.trim() || value.length > MAX_OPTION_VALUE_LENGTH))
      return fail(
        ["productOptions", String(index), "values"],
        `Option values must be 1 to ${MAX_OPTION_VALUE_LENGTH} characters`,
        "INVALID_INPUT",
      );
  }
  if (options && new Set(options.map((o) => o.name)).size !== options.length)
    return fail(["productOptions"], "Duplicated option name", "DUPLICATED_OPTION_NAME");

  const variantInputs = input.variants ?? null;
  if (variantInputs && variantInputs.length > MAX_VARIANTS)
    return fail(["variants"], `Product can have a maximum of ${MAX_VARIANTS} variants`, "VARIANTS_OVER_LIMIT");
  if (variantInputs && variantInputs.length === 0) return fail(["variants"], "Variants input is missing", "VARIANTS_INPUT_MISSING");

  let variants = existing?.variants ?? [];
  if (variantInputs && options) {
    const combinations = new Set<string>();
    const next: VariantRecord[] = [];
    for (const [index, variantInput] of variantInputs.entries()) {
      const field = ["variants", String(index)];
      const previous =
        variantInput.id === undefined ? undefined : existing?.variants.find((v) => gid("ProductVariant", v.id) === variantInput.id);
      if (variantInput.id !== undefined && !previous)
        return fail([...field, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST");
      const values: string[] = [];
      for (const option of options) {
        const given = variantInput.optionValues.find((v) => v.optionName === option.name);
        if (!given) return fail([...field, "optionValues"], `Option '${option.name}' is missing a value`, "OPTION_VALUES_MISSING");
        if (!given.name || !option.values.includes(given.name))
          return fail([...field, "optionValues"], `Option value '${given.name ?? ""}' does not exist`, "OPTION_VALUE_DOES_NOT_EXIST");
        values.push(given.name);
      }
      if (variantInput.optionValues.some((v) => !options.some((o) => o.name === v.optionName)))
        return fail([...field, "optionValues"], "Option does not exist", "OPTION_DOES_NOT_EXIST");
      const combination = values.join(" / ");
      if (combinations.has(combination))
        return fail([...field, "optionValues"], `The variant '${combination}' already exists.`, "INVALID_VARIANT");
      combinations.add(combination);
      const priceMinor = variantInput.price === undefined ? (previous?.priceMinor ?? 0) : minorFromDecimal(variantInput.price);
      if (priceMinor === null || priceMinor < 0)
        return fail([...field, "price"], "Price must be greater than or equal to 0", "INVALID_VARIANT");
      next.push({
        id: previous?.id ?? store.newId(),
        productId: existing?.id ?? 0,
        title: combination,
        sku: variantInput.sku ?? previous?.sku ?? "",
        priceMinor,
        inventoryQuantity: previous?.inventoryQuantity ?? 0,
        requiresShipping: previous?.requiresShipping ?? true,
        position: variantInput.position ?? index + 1,
        optionValues: values,
        taxable: variantInput.taxable ?? previous?.taxable ?? true,
        inventoryPolicy: variantInput.inventoryPolicy ?? previous?.inventoryPolicy ?? "DENY",
        tracked: previous?.tracked ?? true,
      });
    }
    // Every option value must be used by a variant, as Shopify requires.
    for (const [index, option] of options.entries()) {
      if (option.values.some((value) => !next.some((v) => v.optionValues[index] === value)))
        return fail(["productOptions", String(index), "values"], "Option values must be used by a variant", "INVALID_INPUT");
    }
    variants = next;
  } else if (!existing) {
    variants = [];
  }

  const collectionIds = input.collections?.map((id) => parseGid(id, "Collection")?.id ?? -1);
  if (collectionIds?.some((id) => !shop.collections.has(id))) return fail(["collections"], "Collection does not exist", "INVALID_INPUT");
  const metafieldInputs = input.metafields ?? [];
  const metafieldProblems = metafieldErrors(metafieldInputs, ["input", "metafields"]);
  if (metafieldProblems.length) return { product: null, userErrors: metafieldProblems };

  const id = existing?.id ?? store.newId();
  const product: ProductRecord = {
    id,
    title,
    handle: uniqueHandle(shop, input.handle ?? existing?.handle ?? slug(title), id),
    descriptionHtml: input.descriptionHtml ?? existing?.descriptionHtml ?? "",
    status: input.status ?? existing?.status ?? "ACTIVE",
    vendor: input.vendor ?? existing?.vendor ?? shop.name,
    productType: input.productType ?? existing?.productType ?? "",
    tags: input.tags ?? existing?.tags ?? [],
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    options: options ?? [{ name: "Title", values: ["Default Title"] }],
    variants: (variants.length ? variants : [defaultVariant(store)]).map((v) => ({ ...v, productId: id })),
    // A list field: productSet keeps exactly the metafields it is given (shopify.dev, productSet).
    metafields: input.metafields ? upsertMetafields([], metafieldInputs, now) : (existing?.metafields ?? []),
    // A product the Admin API creates is on no sales channel until publishablePublish puts it there.
    publishedOnlineStore: existing?.publishedOnlineStore ?? false,
    requiresSellingPlan: input.requiresSellingPlan ?? existing?.requiresSellingPlan ?? false,
  };
  shop.products.set(id, product);
  if (collectionIds) {
    for (const collection of shop.collections.values()) {
      const member = collectionIds.includes(collection.id);
      collection.productIds = member
        ? [...new Set([...collection.productIds, id])]
        : collection.productIds.filter((productId) => productId !== id);
    }
  }
  return { product, userErrors: [] };
}

function defaultVariant(store: Store): VariantRecord {
  return {
    id: store.newId(),
    productId: 0,
    title: "Default Title",
    sku: "",
    priceMinor: 0,
    inventoryQuantity: 0,
    requiresShipping: true,
    position: 1,
    optionValues: ["Default Title"],
    taxable: true,
    inventoryPolicy: "DENY",
    tracked: true,
  };
}

interface VariantBulkInput {
  id?: string;
  price?: string;
  taxable?: boolean;
  inventoryItem?: { requiresShipping?: boolean; tracked?: boolean; sku?: string };
}

export function productVariantsBulkUpdate(
  shop: ShopRecord,
  productId: unknown,
  inputs: VariantBulkInput[],
): { product: ProductRecord | null; variants: VariantRecord[] | null; userErrors: UserError[] } {
  const parsed = parseGid(productId, "Product");
  const product = parsed ? shop.products.get(parsed.id) : undefined;
  if (!product)
    return {
      product: null,
      variants: null,
      userErrors: [{ field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }],
    };
  const changes: { variant: VariantRecord; input: VariantBulkInput; priceMinor: number | null }[] = [];
  for (const [index, input] of inputs.entries()) {
    const field = ["variants", String(index)];
    if (!input.id)
      return {
        product: null,
        variants: null,
        userErrors: [{ field: [...field, "id"], message: "Product variant is missing ID attribute", code: "PRODUCT_VARIANT_ID_MISSING" }],
      };
    const variant = product.variants.find((v) => gid("ProductVariant", v.id) === input.id);
    if (!variant)
      return {
        product: null,
        variants: null,
        userErrors: [{ field: [...field, "id"], message: "Product variant does not exist", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" }],
      };
    const priceMinor = input.price === undefined ? null : minorFromDecimal(input.price);
    if (input.price !== undefined && (priceMinor === null || priceMinor < 0))
      return {
        product: null,
        variants: null,
        userErrors: [{ field: [...field, "price"], message: "Price must be greater than or equal to 0", code: "NEGATIVE_PRICE_VALUE" }],
      };
    changes.push({ variant, input, priceMinor });
  }
  for (const { variant, input, priceMinor } of changes) {
    if (priceMinor !== null) variant.priceMinor = priceMinor;
    if (input.taxable !== undefined) variant.taxable = input.taxable;
    if (input.inventoryItem?.requiresShipping !== undefined) variant.requiresShipping = input.inventoryItem.requiresShipping;
    if (input.inventoryItem?.tracked !== undefined) variant.tracked = input.inventoryItem.tracked;
    if (input.inventoryItem?.sku !== undefined) variant.sku = input.inventoryItem.sku;
  }
  return { product, variants: changes.map((c) => c.variant), userErrors: [] };
}

/** metafieldsSet: all or nothing, at most 25, on products or on the calling app's own installation. */
export function metafieldsSet(
  shop: ShopRecord,
  inputs: (MetafieldInput & { ownerId?: string })[],
  now: Date,
): { metafields: (MetafieldRecord & { ownerId: string })[] | null; userErrors: UserError[] } {
  if (inputs.length > MAX_METAFIELDS_PER_CALL)
    return {
      metafields: null,
      userErrors: [{ field: ["metafields"], message: "Exceeded the maximum metafields input limit of 25.", code: "LESS_THAN_OR_EQUAL_TO" }],
    };
  const problems = metafieldErrors(inputs, ["metafields"]);
  const owners = inputs.map((input, index) => {
    const owner = parseGid(input.ownerId);
    if (owner?.type === "AppInstallation" && owner.id === shop.appInstallationId) return { kind: "app" as const };
    if (owner?.type === "Product" && shop.products.has(owner.id))
      return { kind: "product" as const, product: shop.products.get(owner.id)! };
    problems.push({
      field: ["metafields", String(index), "ownerId"],
      message:
        owner?.type === "AppInstallation"
          ? "Access to this namespace and key on Metafields for this resource type is not allowed."
          : "Owner does not exist.",
      code: owner?.type === "AppInstallation" ? "APP_NOT_AUTHORIZED" : "INVALID_VALUE",
    });
    return null;
  });
  if (problems.length) return { metafields: null, userErrors: problems };
  const written = inputs.map((input, index) => {
    const owner = owners[index]!;
    if (owner.kind === "app") shop.appMetafields = upsertMetafields(shop.appMetafields, [input], now);
    else owner.product.metafields = upsertMetafields(owner.product.metafields, [input], now);
    return {
      namespace: input.namespace!,
      key: input.key!,
      type: input.type!,
      value: input.value!,
      updatedAt: now,
      ownerId: input.ownerId!,
    };
  });
  return { metafields: written, userErrors: [] };
}

/** The hidden-from-search flag Shopify reads from the seo.hidden metafield. */
export function hiddenFromSearch(product: ProductRecord): boolean {
  return product.metafields.some((m) => m.namespace === "seo" && m.key === "hidden" && m.value === "1");
}
