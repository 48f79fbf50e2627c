import { execute, GraphQLError, Kind, parse, print, validate, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode } from "graphql";
import { LeakyBucket, RESTORE_RATE } from "./bucket";
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from "./cost";
import { installResolvers } from "./resolvers";
import { adminSchema } from "./schema";
import { parseErrorEntry, toShopifyError, type ShopifyErrorEntry } from "./shopify-errors";
import type { ShopRecord } from "../store";

export interface GraphqlHttpResult {
  status: number;
  body: unknown;
}

let resolversInstalled = false;

function schemaWithResolvers() {
  const schema = adminSchema();
  if (!resolversInstalled) {
    installResolvers(schema);
    resolversInstalled = true;
  }
  return schema;
}

/** The Admin API's GraphQL endpoint for one shop: validation, cost, throttling, execution. */
export class AdminGraphqlEndpoint {
  private readonly buckets = new Map<string, LeakyBucket>();

  constructor(private readonly now: () => Date) {}

  bucket(shop: ShopRecord): LeakyBucket {
    let bucket = this.buckets.get(shop.domain);
    if (!bucket) {
      bucket = new LeakyBucket(RESTORE_RATE[shop.plan]);
      this.buckets.set(shop.domain, bucket);
    }
    return bucket;
  }

  async handle(shop: ShopRecord, body: unknown): Promise<GraphqlHttpResult> {
    const request = body as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
    if (!request || typeof request.query !== "string" || request.query.trim() === "") {
      return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
    }
    const variables = request.variables && typeof request.variables === "object" ? (request.variables as Record<string, unknown>) : {};
    const schema = schemaWithResolvers();

    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      return { status: 200, body: { errors: [parseErrorEntry(error as GraphQLError)] } };
    }
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
    if (!operation) {
      const message = operationName ? `No operation named "${operationName}"` : "An operation name is required";
      return { status: 200, body: { errors: [{ message }] } };
    }
    const variableTypes = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, print(v.type)]));

    const validationErrors = validate(schema, document);
    if (validationErrors.length) {
      return { status: 200, body: { errors: validationErrors.map((e) => withOperationPath(toShopifyError(e, variableTypes), operation)) } };
    }

    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const cost = requestedQueryCost(schema, operation, fragments, variables);
    const bucket = this.bucket(shop);
    if (cost > MAX_SINGLE_QUERY_COST) {
      return {
        status: 200,
        body: {
          errors: [
            {
              message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
              extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_SINGLE_QUERY_COST },
            },
          ],
          extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() } },
        },
      };
    }
    if (!bucket.tryTake(cost)) {
      return {
        status: 200,
        body: {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
          extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() } },
        },
      };
    }

    const result = await execute({
      schema,
      document,
      operationName: operation.name?.value,
      variableValues: variables,
      contextValue: { shop, now: this.now() },
    });
    const errors: ShopifyErrorEntry[] | undefined = result.errors?.map((e) => toShopifyError(e, variableTypes));
    return {
      status: 200,
      body: {
        ...(result.data !== undefined ? { data: result.data } : {}),
        ...(errors ? { errors } : {}),
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: bucket.status() } },
      },
    };
  }
}

// Shopify prefixes validation paths with the operation, e.g. ["query ShopInfo", "shop", "foo"].
function withOperationPath(entry: ShopifyErrorEntry, operation: OperationDefinitionNode): ShopifyErrorEntry {
  const head = `${operation.operation}${operation.name ? ` ${operation.name.value}` : ""}`;
  return { ...entry, path: [head, ...(entry.path ?? [])] };
}
