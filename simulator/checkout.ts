import { applyDiscountAtCheckout } from "./admin-api/discounts";
import { contractPayload, orderPayload } from "./webhook-payloads";
import { addInterval, allocationPricing, contractLinePricingPolicy } from "./pricing";
import type { SimulatorContext } from "./context";
import { vaultCard } from "./payment-methods";
import {
  onSale,
  type CardRecord,
  type ContractRecord,
  type MailingAddressRecord,
  type OrderLineRecord,
  type OrderRecord,
  type ShopRecord,
} from "./store";

export interface CheckoutLine {
  variantId: number;
  quantity: number;
  sellingPlanId: number | null;
  properties: Record<string, string>;
}

export class CheckoutError extends Error {}

/** The card a shopper types at checkout, as Shopify's test mode takes it. */
export interface CardInput {
  number: string;
  /** MM/YY, as the checkout's field asks. */
  expiry: string;
  name: string;
}

/**
 * Who a programmatic checkout ships to and pays with, for the tests and the demo that do not type
 * them: a shopper in Ottawa with Shopify's test Visa card.
 */
export const TEST_SHOPPER: { shippingAddress: MailingAddressRecord; card: CardInput } = {
  shippingAddress: {
    firstName: "Ada",
    lastName: "Shopper",
    address1: "150 Elgin Street",
    address2: "",
    city: "Ottawa",
    province: "ON",
    zip: "K2P 1L4",
    countryCode: "CA",
  },
  card: { number: "4242424242424242", expiry: "12/34", name: "Ada Shopper" },
};

/** The checkout page's form as the test shopper fills it in, for tests that post it without a browser. */
export function testShopperCheckoutForm(email: string): Record<string, string> {
  const { shippingAddress, card } = TEST_SHOPPER;
  return { email, ...shippingAddress, cardNumber: card.number, cardExpiry: card.expiry, cardName: card.name };
}

const REQUIRED_ADDRESS_FIELDS: [keyof MailingAddressRecord, string][] = [
  ["lastName", "Enter a last name"],
  ["address1", "Enter an address"],
  ["city", "Enter a city"],
  ["zip", "Enter a ZIP / postal code"],
  ["countryCode", "Select a country/region"],
];

function checkedAddress(address: MailingAddressRecord): MailingAddressRecord {
  const trimmed = Object.fromEntries(
    Object.entries(address).map(([key, value]) => [key, String(value ?? "").trim()]),
  ) as unknown as MailingAddressRecord;
  const missing = REQUIRED_ADDRESS_FIELDS.find(([field]) => !trimmed[field]);
  if (missing) throw new CheckoutError(missing[1]);
  if (!/^[A-Z]{2}$/.test(trimmed.countryCode)) throw new CheckoutError("Select a country/region");
  return trimmed;
}

/** Luhn's check digit, which every card number carries: checkout refuses a mistyped number before charging. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const BRANDS: [RegExp, string][] = [
  [/^4/, "Visa"],
  [/^(5[1-5]|2[2-7])/, "Mastercard"],
  [/^3[47]/, "American Express"],
  [/^6(011|5)/, "Discover"],
];

function vaultedCard(card: CardInput, now: Date): CardRecord {
  const digits = card.number.replace(/[\s-]/g, "");
  if (!/^\d{13,19}$/.test(digits) || !luhnValid(digits)) throw new CheckoutError("Enter a valid card number");
  const expiry = /^(\d{2})\s*\/\s*(\d{2})$/.exec(card.expiry.trim());
  const month = Number(expiry?.[1]);
  const year = 2000 + Number(expiry?.[2]);
  const expired = year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1);
  if (!expiry || month < 1 || month > 12 || expired) throw new CheckoutError("Enter a valid expiration date");
  if (!card.name.trim()) throw new CheckoutError("Enter your name exactly as it's written on your card");
  const brand = BRANDS.find(([prefix]) => prefix.test(digits))?.[1] ?? "Unknown";
  return { brand, lastDigits: digits.slice(-4), expiryMonth: month, expiryYear: year, name: card.name.trim() };
}

/**
 * What Shopify does when a shopper pays: one order; for lines bought with a selling plan, one
 * subscription contract per plan; then the webhooks the app subscribed to (orders/paid,
 * subscription_contracts/create).
 */
export async function completeCheckout(
  sim: SimulatorContext,
  shop: ShopRecord,
  input: {
    email: string;
    lines: CheckoutLine[];
    attributes?: Record<string, string>;
    discountCodes?: string[];
    shippingAddress?: MailingAddressRecord;
    card?: CardInput;
    /** The checkout's "Email me with news and offers" box, ticked: the customer subscribes to marketing. */
    acceptsMarketing?: boolean;
  },
): Promise<{ order: OrderRecord; contracts: ContractRecord[] }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new CheckoutError("Enter a valid email");
  if (input.lines.length === 0) throw new CheckoutError("Your cart is empty");
  const now = sim.clock.now();
  const shippingAddress = checkedAddress(input.shippingAddress ?? TEST_SHOPPER.shippingAddress);
  const card = vaultedCard(input.card ?? TEST_SHOPPER.card, now);

  const lines: OrderLineRecord[] = input.lines.map((line) => {
    const found = sim.store.findVariant(shop, line.variantId);
    if (!found || !onSale(found.product)) throw new CheckoutError(`Variant ${line.variantId} is not available`);
    const plan = line.sellingPlanId ? sim.store.sellingPlanFor(shop, found.product.id, found.variant.id, line.sellingPlanId) : undefined;
    if (line.sellingPlanId && !plan) throw new CheckoutError(`Selling plan ${line.sellingPlanId} is not available for this variant`);
    if (!plan && found.product.requiresSellingPlan)
      throw new CheckoutError(`${found.product.title} can only be purchased with a selling plan`);
    return {
      id: sim.store.newId(),
      variantId: found.variant.id,
      productId: found.product.id,
      title: found.product.title,
      variantTitle: found.variant.title,
      sku: found.variant.sku,
      quantity: line.quantity,
      // Checkout charges what the cart showed: a prepaid line pays every delivery of its term now.
      priceMinor: plan ? allocationPricing(plan, found.variant.priceMinor).price : found.variant.priceMinor,
      sellingPlanId: plan?.id ?? null,
      properties: Object.entries(line.properties).map(([name, value]) => ({ name, value })),
    };
  });

  let customer = [...shop.customers.values()].find((c) => c.email === email);
  if (!customer) {
    customer = {
      id: sim.store.newId(),
      firstName: shippingAddress.firstName,
      lastName: shippingAddress.lastName,
      email,
      locale: "en",
      marketingState: "NOT_SUBSCRIBED",
      tags: [],
      createdAt: now,
    };
    shop.customers.set(customer.id, customer);
  }
  // Like Shopify's checkout: ticking the box subscribes the customer; leaving it unticked changes
  // nothing of a consent they gave before.
  if (input.acceptsMarketing) customer.marketingState = "SUBSCRIBED";
  // Checkout takes one code (basic discounts do not combine unless made to).
  applyDiscountAtCheckout(shop, input.discountCodes?.[0], lines, customer.id, now);

  const order: OrderRecord = {
    id: sim.store.newId(),
    number: shop.nextOrderNumber++,
    customerId: customer.id,
    email,
    createdAt: now,
    currencyCode: shop.currencyCode,
    lines,
    financialStatus: "PAID",
    cancelledAt: null,
    fulfilledAt: null,
    refunds: [],
    noteAttributes: Object.entries(input.attributes ?? {}).map(([name, value]) => ({ name, value })),
    discountCodes: input.discountCodes ?? [],
    shippingAddress,
  };
  shop.orders.set(order.id, order);

  const contracts: ContractRecord[] = [];
  for (const planId of new Set(lines.map((l) => l.sellingPlanId).filter((id): id is number => id !== null))) {
    const planLines = lines.filter((l) => l.sellingPlanId === planId);
    const plan = sim.store.sellingPlanFor(shop, planLines[0]!.productId, planLines[0]!.variantId, planId)!;
    const contract: ContractRecord = {
      id: sim.store.newId(),
      customerId: customer.id,
      originOrderId: order.id,
      status: "ACTIVE",
      currencyCode: shop.currencyCode,
      lines: planLines.map((l) => ({
        id: sim.store.newId(),
        variantId: l.variantId,
        productId: l.productId,
        title: l.title,
        variantTitle: l.variantTitle,
        quantity: l.quantity,
        // The first billing's price, as charged at checkout; later pricing policies wait in pricingPolicy.
        currentPriceMinor: l.priceMinor,
        pricingPolicy: contractLinePricingPolicy(plan, sim.store.findVariant(shop, l.variantId)!.variant.priceMinor),
        sellingPlanId: plan.id,
        sellingPlanName: plan.name,
        customAttributes: [],
      })),
      billingPolicy: plan.billingPolicy,
      deliveryPolicy: plan.deliveryPolicy,
      nextBillingDate: addInterval(now, plan.billingPolicy.interval, plan.billingPolicy.intervalCount),
      createdAt: now,
      updatedAt: now,
      revisionId: 1,
      // The card the shopper paid with, vaulted by Shopify for the subscription's later charges.
      paymentMethodId: vaultCard(sim.store, shop, customer.id, card).id,
      paymentCard: card,
      deliveryAddress: shippingAddress,
      customAttributes: [],
      discounts: [],
    };
    shop.contracts.set(contract.id, contract);
    contracts.push(contract);
  }

  await sim.webhooks.send(shop.domain, "orders/paid", orderPayload(shop, order));
  for (const contract of contracts) await sim.webhooks.send(shop.domain, "subscription_contracts/create", contractPayload(contract));
  return { order, contracts };
}
