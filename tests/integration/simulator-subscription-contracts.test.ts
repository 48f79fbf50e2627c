import { describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { seedShop } from "../../simulator/seed";
import { createShop, testContext } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";

/** The simulator's subscription contract mutations refuse what Shopify refuses, and change nothing then. */
async function shopWithContract() {
  const { simulator } = testContext();
  const { shop } = createShop();
  seedShop(simulator.store, shop, new Date(), { customers: 1, months: 0 });
  shop.accessTokens.set("shpat_test", { scope: "write_own_subscription_contracts", online: false, userId: null });
  const product = [...shop.products.values()][0]!;
  const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
    name: "Subscribe",
    productIds: [product.id],
    plans: [{ name: "Monthly", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 10 }],
  });
  const { contracts } = await completeCheckout(simulator, shop, {
    email: "c@example.com",
    lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
  const contract = contracts[0]!;
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = await fetch(`${simulator.url}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-simulator-shop": shop.domain, "x-shopify-access-token": "shpat_test" },
      body: JSON.stringify({ query, variables }),
    });
    return (await answer.json()) as {
      data: Record<string, { userErrors: { code: string; field: string[] | null }[] } & Record<string, unknown>>;
    };
  };
  return { shop, contract, id: gid("SubscriptionContract", contract.id), graphql, product };
}

const OPEN = `mutation($id: ID!) { subscriptionContractUpdate(contractId: $id) { draft { id } userErrors { field message code } } }`;
const COMMIT = `mutation($d: ID!) { subscriptionDraftCommit(draftId: $d) { contract { id } userErrors { field message code } } }`;

describe("store simulator: subscription contracts", () => {
  it("pauses, resumes and cancels, each a new revision, and refuses to touch a cancelled contract", async () => {
    const { contract, id, graphql } = await shopWithContract();
    const status = (name: string) =>
      `mutation($id: ID!) { ${name}(subscriptionContractId: $id) { contract { status } userErrors { field message code } } }`;
    expect((await graphql(status("subscriptionContractPause"), { id })).data.subscriptionContractPause).toMatchObject({
      contract: { status: "PAUSED" },
    });
    expect((await graphql(status("subscriptionContractActivate"), { id })).data.subscriptionContractActivate).toMatchObject({
      contract: { status: "ACTIVE" },
    });
    expect((await graphql(status("subscriptionContractCancel"), { id })).data.subscriptionContractCancel).toMatchObject({
      contract: { status: "CANCELLED" },
    });
    expect(contract.revisionId).toBe(4);
    const refused = await graphql(status("subscriptionContractActivate"), { id });
    expect(refused.data.subscriptionContractActivate).toMatchObject({ contract: null, userErrors: [{ code: "CONTRACT_TERMINATED" }] });
    expect(contract.status).toBe("CANCELLED");
  });

  it("refuses to commit a draft opened before the contract last changed (STALE_CONTRACT)", async () => {
    const { contract, id, graphql } = await shopWithContract();
    const draftId = ((await graphql(OPEN, { id })).data.subscriptionContractUpdate as unknown as { draft: { id: string } }).draft.id;
    await graphql(
      `
        mutation ($id: ID!) {
          subscriptionContractPause(subscriptionContractId: $id) {
            userErrors {
              code
            }
          }
        }
      `,
      { id },
    );
    const committed = await graphql(COMMIT, { d: draftId });
    expect(committed.data.subscriptionDraftCommit).toMatchObject({ contract: null, userErrors: [{ code: "STALE_CONTRACT" }] });
    expect(contract.status).toBe("PAUSED");
  });

  it("checks a draft's changes as Shopify does, and applies nothing that was refused", async () => {
    const { contract, id, graphql } = await shopWithContract();
    const draftId = ((await graphql(OPEN, { id })).data.subscriptionContractUpdate as unknown as { draft: { id: string } }).draft.id;
    const lineId = gid("SubscriptionLine", contract.lines[0]!.id);
    const quantity = await graphql(
      `
        mutation ($d: ID!, $l: ID!) {
          subscriptionDraftLineUpdate(draftId: $d, lineId: $l, input: { quantity: 0 }) {
            lineUpdated {
              id
            }
            userErrors {
              field
              message
              code
            }
          }
        }
      `,
      { d: draftId, l: lineId },
    );
    expect(quantity.data.subscriptionDraftLineUpdate!.userErrors).toEqual([
      { field: ["input", "quantity"], message: "Quantity must be greater than or equal to 1", code: "GREATER_THAN_OR_EQUAL_TO" },
    ]);
    const policy = await graphql(
      `
        mutation ($d: ID!) {
          subscriptionDraftUpdate(
            draftId: $d
            input: { billingPolicy: { interval: MONTH, intervalCount: 3 }, deliveryPolicy: { interval: MONTH, intervalCount: 2 } }
          ) {
            draft {
              id
            }
            userErrors {
              field
              message
              code
            }
          }
        }
      `,
      { d: draftId },
    );
    expect(policy.data.subscriptionDraftUpdate!.userErrors).toMatchObject([{ code: "DELIVERY_MUST_BE_MULTIPLE_OF_BILLING" }]);
    const discount = await graphql(
      `
        mutation ($d: ID!) {
          subscriptionDraftDiscountAdd(draftId: $d, input: { value: { percentage: 120 } }) {
            discountAdded {
              id
            }
            userErrors {
              field
              message
              code
            }
          }
        }
      `,
      { d: draftId },
    );
    expect(discount.data.subscriptionDraftDiscountAdd!.userErrors).toMatchObject([{ code: "NOT_IN_RANGE" }]);
    const removed = await graphql(
      `
        mutation ($d: ID!, $l: ID!) {
          subscriptionDraftLineRemove(draftId: $d, lineId: $l) {
            lineRemoved {
              id
            }
            userErrors {
              code
            }
          }
        }
      `,
      {
        d: draftId,
        l: lineId,
      },
    );
    expect(removed.data.subscriptionDraftLineRemove!.userErrors).toEqual([]);
    const empty = await graphql(COMMIT, { d: draftId });
    expect(empty.data.subscriptionDraftCommit).toMatchObject({ contract: null, userErrors: [{ code: "INVALID_LINES" }] });
    expect(contract.lines).toHaveLength(1);
    expect(contract.revisionId).toBe(1);
  });

  it("charges a one-time discount once, and leaves the next billing date to the app", async () => {
    const { shop, contract, id, graphql } = await shopWithContract();
    const draftId = ((await graphql(OPEN, { id })).data.subscriptionContractUpdate as unknown as { draft: { id: string } }).draft.id;
    await graphql(
      `
        mutation ($d: ID!) {
          subscriptionDraftDiscountAdd(draftId: $d, input: { title: "Stay", value: { percentage: 20 }, recurringCycleLimit: 1 }) {
            userErrors {
              code
            }
          }
        }
      `,
      { d: draftId },
    );
    expect((await graphql(COMMIT, { d: draftId })).data.subscriptionDraftCommit!.userErrors).toEqual([]);
    const nextBillingDate = contract.nextBillingDate.getTime();
    const charge = (key: string) =>
      graphql(
        `
          mutation ($id: ID!, $key: String!) {
            subscriptionBillingAttemptCreate(subscriptionContractId: $id, subscriptionBillingAttemptInput: { idempotencyKey: $key }) {
              subscriptionBillingAttempt {
                id
              }
              userErrors {
                code
              }
            }
          }
        `,
        { id, key },
      );
    await charge("first");
    await charge("second");
    const [first, second] = [...shop.orders.values()].slice(-2);
    const price = contract.lines[0]!.currentPriceMinor;
    expect(first!.lines[0]!.priceMinor).toBe(Math.floor((price * 80 + 50) / 100));
    expect(second!.lines[0]!.priceMinor).toBe(price);
    expect(contract.nextBillingDate.getTime()).toBe(nextBillingDate);
  });

  it("sends the payment method update email only for the customer's own payment method", async () => {
    const { shop, contract, graphql } = await shopWithContract();
    const send = (id: string) =>
      graphql(
        `
          mutation ($id: ID!) {
            customerPaymentMethodSendUpdateEmail(customerPaymentMethodId: $id) {
              customer {
                id
              }
              userErrors {
                field
                message
              }
            }
          }
        `,
        {
          id,
        },
      );
    // Shopify asks write_customers of this mutation (shopify.app.toml asks for it for this alone).
    const denied = (await send(gid("CustomerPaymentMethod", contract.paymentMethodId))) as unknown as {
      errors: { extensions: { code: string } }[];
    };
    expect(denied.errors[0]!.extensions.code).toBe("ACCESS_DENIED");
    shop.accessTokens.set("shpat_test", { scope: "write_own_subscription_contracts,write_customers", online: false, userId: null });
    expect(
      (await send(gid("CustomerPaymentMethod", contract.paymentMethodId))).data.customerPaymentMethodSendUpdateEmail!.userErrors,
    ).toEqual([]);
    expect((await send(gid("CustomerPaymentMethod", 1))).data.customerPaymentMethodSendUpdateEmail!.userErrors).toHaveLength(1);
    expect(shop.paymentUpdateEmails).toHaveLength(1);
  });
});
