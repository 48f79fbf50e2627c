/** A selling plan group as Shopify would hold it, made through the simulator's control API (scenarios that need one before Orchard made it). */
export async function createSellingPlanGroup(
  simulatorUrl: string,
  shop: string,
  group: {
    name: string;
    productIds: number[];
    plans: {
      name: string;
      options: string[];
      interval: string;
      intervalCount: number;
      percentageOff: number;
      deliveriesPerBilling?: number;
      introductory?: { orders: number; percentageOff: number };
      minCycles?: number | null;
      maxCycles?: number | null;
    }[];
  },
): Promise<{ id: string; sellingPlanIds: number[] }> {
  const response = await fetch(`${simulatorUrl}/_control/shops/${shop}/selling-plan-groups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(group),
  });
  if (response.status !== 201) throw new Error(`the simulator refused the selling plan group: ${await response.text()}`);
  return (await response.json()) as { id: string; sellingPlanIds: number[] };
}
