/** What can go wrong when Orchard talks to the Admin API, as types a caller can branch on. */

export interface UserError {
  field: string[] | null;
  message: string;
  code?: string | null;
}

/** Shopify accepted the request but refused the change (a mutation's userErrors). */
export class ShopifyUserErrors extends Error {
  constructor(
    readonly operation: string,
    readonly userErrors: UserError[],
  ) {
    super(`${operation} was refused by Shopify: ${userErrors.map((e) => e.message).join("; ")}`);
    this.name = "ShopifyUserErrors";
  }

  /** The messages for one input field, e.g. forField("name") for field ["input", "name"]. */
  forField(name: string): string[] {
    return this.userErrors.filter((e) => e.field?.at(-1) === name).map((e) => e.message);
  }
}

export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/** The request itself was wrong (schema validation, access denied, unknown id…): retrying will not help. */
export class ShopifyGraphqlError extends Error {
  constructor(
    readonly operation: string,
    readonly errors: GraphqlErrorEntry[],
  ) {
    super(`${operation} failed: ${errors.map((e) => e.message).join("; ")}`);
    this.name = "ShopifyGraphqlError";
  }

  get codes(): string[] {
    return this.errors.map((e) => e.extensions?.code ?? "UNKNOWN");
  }
}

/** Shopify could not be reached or kept failing (5xx, network, throttled) after Orchard's retries. */
export class ShopifyUnavailableError extends Error {
  constructor(
    readonly operation: string,
    readonly attempts: number,
    readonly lastProblem: string,
  ) {
    super(`${operation} failed after ${attempts} attempt(s): ${lastProblem}`);
    this.name = "ShopifyUnavailableError";
  }
}
