import { linesAsCharged } from "./cycle-pricing";

/**
 * What the customer's next order will cost: the lines at the price their plan sets for that cycle,
 * the one-time items added to it, less the contract's manual discounts still running. Pure. The
 * figure the customer sees before the charge, so it follows how the charge is computed: each
 * discount on each unit, rounded half up to the minor unit, one after the other; then the fixed
 * amounts off the whole order.
 */
export interface ContractDiscount {
  title: string;
  /** Whole percent, or null for a fixed amount. */
  percentage: number | null;
  amountMinor: number | null;
  /** A fixed amount off each unit (true, and every discount stored before this was known), or once off the order (false). */
  onEachItem?: boolean;
  /** How many more orders it discounts; null while it lasts. */
  ordersLeft: number | null;
}

interface DiscountNode {
  title?: string | null;
  recurringCycleLimit?: number | null;
  usageCount: number;
  value: { __typename?: string; percentage?: number; amount?: { amount: string; currencyCode: string }; appliesOnEachItem?: boolean };
}

export function discountsFromShopify(nodes: DiscountNode[], toMinor: (amount: string, currency: string) => number): ContractDiscount[] {
  return nodes.flatMap((node): ContractDiscount[] => {
    const ordersLeft = node.recurringCycleLimit == null ? null : node.recurringCycleLimit - node.usageCount;
    if (ordersLeft !== null && ordersLeft <= 0) return [];
    const { percentage, amount } = node.value;
    if (node.value.__typename === "SubscriptionDiscountPercentageValue" && percentage !== undefined)
      return [{ title: node.title ?? "", percentage, amountMinor: null, ordersLeft }];
    if (node.value.__typename === "SubscriptionDiscountFixedAmountValue" && amount)
      return [
        {
          title: node.title ?? "",
          percentage: null,
          amountMinor: toMinor(amount.amount, amount.currencyCode),
          onEachItem: node.value.appliesOnEachItem ?? true,
          ordersLeft,
        },
      ];
    return [];
  });
}

export interface PreviewLine {
  unitPriceMinor: number;
  quantity: number;
  cyclePrices: string | null;
  /** The cycle a one-time item goes with; null for a recurring line. */
  oneTimeCycle: number | null;
}

const onTheOrder = (discount: ContractDiscount) => discount.percentage === null && discount.onEachItem === false;

export function discountedUnitMinor(unitPriceMinor: number, discounts: ContractDiscount[]): number {
  return discounts.reduce((price, discount) => {
    if (discount.percentage !== null) return Math.floor((price * (100 - discount.percentage) + 50) / 100);
    if (onTheOrder(discount)) return price;
    return Math.max(0, price - (discount.amountMinor ?? 0));
  }, unitPriceMinor);
}

/** The amount of the order for `cycle`, in minor units of the contract's currency. */
export function orderAmountMinor(lines: PreviewLine[], cycle: number, discounts: ContractDiscount[]): number {
  const inOrder = lines.filter((line) => line.oneTimeCycle === null || line.oneTimeCycle === cycle);
  const items = linesAsCharged(inOrder, cycle).reduce(
    (sum, line) => sum + discountedUnitMinor(line.unitPriceMinor, discounts) * line.quantity,
    0,
  );
  // A fixed amount off the order (a referral credit) comes off the whole, never below nothing.
  const offTheOrder = discounts.filter(onTheOrder).reduce((sum, discount) => sum + (discount.amountMinor ?? 0), 0);
  return Math.max(0, items - offTheOrder);
}

/** The recurring items at the prices they last had: what each order of a restarted subscription costs. */
export function restartAmountMinor(lines: PreviewLine[]): number {
  return lines.filter((line) => line.oneTimeCycle === null).reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
}

export function storedDiscounts(column: string | null): ContractDiscount[] {
  return column ? (JSON.parse(column) as ContractDiscount[]) : [];
}
