import type { ShopRecord } from "../../simulator/store";

/** Waits until the shop's latest bulk operation in the simulator has ended (completed or not); returns it. */
export async function operationEnded(shop: ShopRecord) {
  for (let wait = 0; wait < 500; wait += 1) {
    const latest = shop.bulkOperations.at(-1);
    if (latest && latest.status !== "CREATED" && latest.status !== "RUNNING") return latest;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the bulk operation did not end");
}
