import { expect } from "vitest";
import type { OrderRecord } from "../../simulator/store";
import type { setUpBrowserStack } from "./browser-stack";

type Ui = ReturnType<typeof setUpBrowserStack>;

/** The store's clock moved on `days`, and Orchard's worker given the time to charge what fell due: `orders` in the store then. */
export async function daysPass(ui: Ui, days: number, orders: number): Promise<void> {
  const response = await fetch(`${ui.stack.simulatorUrl}/_control/clock/advance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ days }),
  });
  expect(response.status).toBe(200);
  await expect.poll(() => ui.shop.orders.size, { timeout: 60_000, interval: 500 }).toBe(orders);
}

/** A customer's orders, oldest first. */
export const ordersOf = (ui: Ui, email: string): OrderRecord[] =>
  [...ui.shop.orders.values()].filter((order) => order.email === email).sort((a, b) => a.number - b.number);

/** What discounts took off an order, over its lines. */
export const discountOf = (order: OrderRecord) => order.lines.reduce((sum, line) => sum + (line.discountMinor ?? 0), 0);
