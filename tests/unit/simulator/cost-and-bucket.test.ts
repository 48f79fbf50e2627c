import { describe, expect, it } from "vitest";
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { requestedQueryCost } from "../../../simulator/admin-api/cost";
import { adminSchema } from "../../../simulator/admin-api/schema";
import { LeakyBucket } from "../../../simulator/admin-api/bucket";

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return requestedQueryCost(adminSchema(), operation, fragments, variables);
}

describe("calculated query cost (Shopify's published rules)", () => {
  it("charges 1 per object and nothing for scalars", () => {
    expect(cost(`query { shop { name currencyCode } }`)).toBe(1);
  });

  it("charges a connection 2 plus its page size times one node", () => {
    expect(cost(`query { products(first: 10) { edges { node { id title } } } }`)).toBe(12);
    expect(cost(`query Q($n: Int) { products(first: $n) { nodes { id } } }`, { n: 50 })).toBe(52);
  });

  it("multiplies nested connections", () => {
    expect(cost(`query { products(first: 10) { nodes { id variants(first: 5) { nodes { id } } } } }`)).toBe(2 + 10 * (1 + 2 + 5));
  });

  it("charges a mutation 10", () => {
    expect(cost(`mutation { productDelete(input: { id: "gid://shopify/Product/1" }) { deletedProductId } }`)).toBe(10);
  });
});

describe("leaky bucket", () => {
  it("refills at the restore rate and refuses what it does not hold", () => {
    let now = 0;
    const bucket = new LeakyBucket(100, 2000, () => now);
    expect(bucket.tryTake(1990)).toBe(true);
    expect(bucket.tryTake(50)).toBe(false);
    now += 500; // 50 points restored
    expect(bucket.tryTake(50)).toBe(true);
    expect(bucket.status()).toEqual({ maximumAvailable: 2000, currentlyAvailable: 10, restoreRate: 100 });
  });
});
