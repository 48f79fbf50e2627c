import { describe, expect, it } from "vitest";
import { payloadMentions } from "../../../app/privacy/payload-mentions";

const customer = { customerId: "gid://shopify/Customer/12", email: "a@b.co" };
const json = (value: unknown) => JSON.stringify(value);

describe("whether a webhook payload is about a customer", () => {
  it("finds them by gid, by a customer's numeric id, or by their email in any case", () => {
    expect(payloadMentions(json({ admin_graphql_api_customer_id: "gid://shopify/Customer/12" }), customer)).toBe(true);
    expect(payloadMentions(json({ customer: { id: 12, first_name: "Ada" } }), customer)).toBe(true);
    expect(payloadMentions(json({ customer_id: "12" }), customer)).toBe(true);
    expect(payloadMentions(json({ orders: [{ contact_email: " A@B.CO " }] }), customer)).toBe(true);
  });

  it("never by a part of a value: another customer's id or address that contains theirs is not them", () => {
    expect(payloadMentions(json({ customer: { id: 123 }, admin_graphql_api_id: "gid://shopify/Customer/123" }), customer)).toBe(false);
    expect(payloadMentions(json({ email: "xa@b.com" }), customer)).toBe(false);
    expect(payloadMentions(json({ note: "a@b.co is my friend" }), customer)).toBe(false);
    // An order's own id that happens to equal the customer's number is not a customer id.
    expect(payloadMentions(json({ id: 12, line_items: [{ id: 12 }] }), customer)).toBe(false);
  });

  it("treats % and _ as the characters they are", () => {
    const wildcard = { customerId: "gid://shopify/Customer/1_", email: "%@b.co" };
    expect(payloadMentions(json({ admin_graphql_api_id: "gid://shopify/Customer/12", email: "a@b.co" }), wildcard)).toBe(false);
    expect(payloadMentions(json({ email: "%@b.co" }), wildcard)).toBe(true);
  });

  it("reads nothing into a payload that is not JSON, and needs no email", () => {
    expect(payloadMentions("not json", customer)).toBe(false);
    expect(payloadMentions(json({ email: "a@b.co" }), { customerId: customer.customerId, email: null })).toBe(false);
  });
});
