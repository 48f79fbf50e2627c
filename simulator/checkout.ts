import { contractPayload, orderPayload } from "./webhook-payloads";
import { addInterval, allocationPricing, contractLinePricingPolicy } from "./pricing";
import type { SimulatorContext } from "./context";
import { onSale, type ContractRecord, type OrderLineRecord, type OrderRecord, type ShopRecord } from "./store";

export interface CheckoutLine {
  variantId: number;
  quantity: number;
  sellingPlanId: number | null;
  properties: Record<string, string>;
}

export class CheckoutError extends Error {}

/**
 * What Shopify does when a shopper pays: one order; for lines bought with a selling plan, one
 * subscription contract per plan; then the webhooks the app subscribed to (orders/paid,
 * subscription_contracts/create).
 */
export async function completeCheckout(
  sim: SimulatorContext,
  shop: ShopRecord,
  input: { email: string; lines: CheckoutLine[]; attributes?: Record<string, string>; discountCodes?: string[] },
): Promise<{ order: OrderRecord; contracts: ContractRecord[] }> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new CheckoutError("Enter a valid email");
  if (input.lines.length === 0) throw new CheckoutError("Your cart is empty");
  const now = sim.clock.now();

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
      firstName: "",
      lastName: "",
      email,
      locale: "en",
      marketingState: "NOT_SUBSCRIBED",
      createdAt: now,
    };
    shop.customers.set(customer.id, customer);
  }

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
      paymentMethodId: sim.store.newId(),
      discounts: [],
    };
    shop.contracts.set(contract.id, contract);
    contracts.push(contract);
  }

  await sim.webhooks.send(shop.domain, "orders/paid", orderPayload(shop, order));
  for (const contract of contracts) await sim.webhooks.send(shop.domain, "subscription_contracts/create", contractPayload(contract));
  return { order, contracts };
}
