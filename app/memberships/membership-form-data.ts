import type { MembershipDraft } from "./membership";

/** The membership form as posted: its name and its tiers' fields, row by row (a missing field reads as empty). */
export function membershipFormFields(form: FormData): MembershipDraft {
  const all = (name: string) => form.getAll(name).map((value) => (typeof value === "string" ? value : ""));
  const [names, prices, intervals, discounts, subscriptionDiscounts, tags] = [
    all("tierName"),
    all("tierPrice"),
    all("tierInterval"),
    all("tierDiscount"),
    all("tierSubscriptionDiscount"),
    all("tierTag"),
  ];
  const name = form.get("name");
  return {
    name: typeof name === "string" ? name : "",
    // At most one row more than a membership may have: the rule refuses it, and no more is read.
    tiers: names.slice(0, 6).map((tierName, index) => ({
      name: tierName,
      price: prices[index] ?? "",
      interval: intervals[index] ?? "",
      discount: discounts[index] ?? "",
      subscriptionDiscount: subscriptionDiscounts[index] ?? "",
      customerTag: tags[index] ?? "",
    })),
  };
}
