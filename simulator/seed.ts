import type { Store, ShopRecord, MarketingState } from "./store";

/**
 * A deterministic demo store: a shop selling consumables and durable goods, with customers and a
 * year of one-off orders, so every screen of Orchard has something true to show.
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const catalogue: { collection: string; products: [string, number, string[]][] }[] = [
  {
    collection: "Coffee",
    products: [
      ["House Blend Coffee Beans", 1600, ["250 g", "1 kg"]],
      ["Single Origin Ethiopia", 1900, ["250 g", "1 kg"]],
      ["Decaf Colombia", 1700, ["250 g"]],
      ["Espresso Roast", 1800, ["250 g", "1 kg"]],
      ["Cold Brew Packs", 1400, ["6 pack", "12 pack"]],
    ],
  },
  {
    collection: "Tea",
    products: [
      ["Sencha Green Tea", 1200, ["50 g", "100 g"]],
      ["Earl Grey Loose Leaf", 1100, ["100 g"]],
      ["Chamomile Blossoms", 1000, ["50 g"]],
      ["Masala Chai", 1300, ["100 g", "250 g"]],
      ["Matcha Ceremonial", 3200, ["30 g"]],
    ],
  },
  {
    collection: "Wellness",
    products: [
      ["Daily Multivitamin", 2400, ["60 capsules", "120 capsules"]],
      ["Vitamin D3 Drops", 1500, ["30 ml"]],
      ["Magnesium Glycinate", 2200, ["90 capsules"]],
      ["Omega-3 Fish Oil", 2600, ["60 softgels"]],
      ["Plant Protein Powder", 3900, ["Vanilla", "Chocolate"]],
    ],
  },
  {
    collection: "Brewing gear",
    products: [
      ["Water Filter Cartridges", 2900, ["3 pack"]],
      ["Paper Filters", 600, ["100 count"]],
      ["Burr Coffee Grinder", 14900, ["Matte black", "Steel"]],
      ["Pour-Over Kettle", 8900, ["1 L"]],
      ["Espresso Machine", 59900, ["Standard"]],
    ],
  },
];

const firstNames = [
  "Ava",
  "Liam",
  "Mia",
  "Noah",
  "Zoe",
  "Ethan",
  "Lena",
  "Omar",
  "Ines",
  "Yuki",
  "Sara",
  "Tom",
  "Nora",
  "Ravi",
  "Chloé",
  "Hugo",
];
const lastNames = ["Smith", "Garcia", "Chen", "Okafor", "Müller", "Rossi", "Dubois", "Kowalski", "Silva", "Tanaka", "Haddad", "Novak"];

export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export interface SeedOptions {
  customers?: number;
  months?: number;
  seed?: number;
}

export function seedShop(store: Store, shop: ShopRecord, now: Date, options: SeedOptions = {}): void {
  const random = prng(options.seed ?? 42);
  const customersWanted = options.customers ?? 500;
  const months = options.months ?? 12;
  const start = new Date(now.getTime() - months * 30 * 86_400_000);

  for (const { collection, products } of catalogue) {
    const productIds: number[] = [];
    for (const [title, priceMinor, variantTitles] of products) {
      const id = store.newId();
      productIds.push(id);
      shop.products.set(id, {
        id,
        title,
        handle: slug(title),
        descriptionHtml: `<p>${title}, from the demo store's ${collection.toLowerCase()} range.</p>`,
        status: "ACTIVE",
        vendor: "Orchard Demo Co.",
        productType: collection,
        tags: collection === "Brewing gear" && priceMinor > 5000 ? ["durable"] : ["consumable"],
        createdAt: start,
        updatedAt: start,
        options: [{ name: variantTitles.length > 1 ? "Size" : "Title", values: variantTitles }],
        metafields: [],
        publishedOnlineStore: true,
        requiresSellingPlan: false,
        variants: variantTitles.map((variantTitle, index) => ({
          id: store.newId(),
          productId: id,
          title: variantTitle,
          sku: `${slug(title).slice(0, 12).toUpperCase()}-${index + 1}`,
          priceMinor: priceMinor * (variantTitle === "1 kg" ? 3 : 1) + index * 100 * (variantTitle === "1 kg" ? 0 : 1),
          inventoryQuantity: 50 + Math.floor(random() * 200),
          requiresShipping: true,
          position: index + 1,
          optionValues: [variantTitle],
          taxable: true,
          inventoryPolicy: "DENY",
          tracked: true,
        })),
      });
    }
    const collectionId = store.newId();
    shop.collections.set(collectionId, { id: collectionId, title: collection, handle: slug(collection), productIds });
  }

  const consent: MarketingState[] = ["SUBSCRIBED", "SUBSCRIBED", "NOT_SUBSCRIBED", "UNSUBSCRIBED"];
  for (let i = 0; i < customersWanted; i += 1) {
    const id = store.newId();
    const firstName = firstNames[Math.floor(random() * firstNames.length)]!;
    const lastName = lastNames[Math.floor(random() * lastNames.length)]!;
    shop.customers.set(id, {
      id,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${i + 1}@example.com`,
      locale: random() < 0.2 ? "fr" : "en",
      marketingState: consent[Math.floor(random() * consent.length)]!,
      tags: [],
      createdAt: new Date(start.getTime() + random() * (now.getTime() - start.getTime()) * 0.5),
    });
  }

  // One-off orders: about two per customer over the period, a third of them repeat purchases; a
  // period of no months is a store without order history.
  const products = [...shop.products.values()];
  const customers = [...shop.customers.values()];
  const orderCount = months > 0 ? Math.round(customersWanted * 2) : 0;
  const times = Array.from({ length: orderCount }, () => start.getTime() + random() * (now.getTime() - start.getTime())).sort(
    (a, b) => a - b,
  );
  for (const time of times) {
    const customer = customers[Math.floor(random() * customers.length)]!;
    const lineCount = 1 + Math.floor(random() * 2);
    const lines = Array.from({ length: lineCount }, () => {
      const product = products[Math.floor(random() * products.length)]!;
      const variant = product.variants[Math.floor(random() * product.variants.length)]!;
      return {
        id: store.newId(),
        variantId: variant.id,
        productId: product.id,
        title: product.title,
        variantTitle: variant.title,
        sku: variant.sku,
        quantity: 1 + Math.floor(random() * 2),
        priceMinor: variant.priceMinor,
        sellingPlanId: null,
        properties: [],
      };
    });
    const id = store.newId();
    shop.orders.set(id, {
      id,
      number: shop.nextOrderNumber++,
      customerId: customer.id,
      email: customer.email,
      createdAt: new Date(time),
      currencyCode: shop.currencyCode,
      lines,
      financialStatus: "PAID",
      cancelledAt: null,
      fulfilledAt: null,
      refunds: [],
      noteAttributes: [],
      discountCodes: [],
      shippingAddress: null,
    });
  }
}
