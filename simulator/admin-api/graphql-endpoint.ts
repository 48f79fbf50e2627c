import {
  defaultFieldResolver,
  executeSync,
  GraphQLError,
  type GraphQLFieldResolver,
  Kind,
  parse,
  print,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";
import { LeakyBucket, RESTORE_RATE } from "./bucket";
import { MAX_SINGLE_QUERY_COST, requestedQueryCost } from "./cost";
import { enforceAccessScopes } from "./access-scopes";
import { installResolvers } from "./resolvers";
import { adminSchema } from "./schema";
import { parseErrorEntry, toShopifyError, type ShopifyErrorEntry } from "./shopify-errors";
import type { ShopRecord, Store } from "../store";
import type { ResolverContext } from "./presenters";

export interface GraphqlHttpResult {
  status: number;
  body: unknown;
}

let resolversInstalled = false;

function schemaWithResolvers() {
  const schema = adminSchema();
  if (!resolversInstalled) {
    installResolvers(schema);
    enforceAccessScopes(schema, presentedField);
    resolversInstalled = true;
  }
  return schema;
}

/** A query's text, parsed and checked against the schema once: both depend on the text alone. */
type Prepared = { parseError: GraphQLError } | { document: DocumentNode; validationErrors: readonly GraphQLError[] };
const PREPARED_LIMIT = 1_000;

/** The Admin API's GraphQL endpoint for one shop: validation, cost, throttling, execution. */
export class AdminGraphqlEndpoint {
  private readonly buckets = new Map<string, LeakyBucket>();
  private readonly prepared = new Map<string, Prepared>();
  /** How many requests each shop had refused as THROTTLED (tests check clients waited them out). */
  readonly throttled = new Map<string, number>();
  /** How many times each named operation ran (tests wait for the app to have asked something). */
  readonly served = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly emit: (shop: ShopRecord, topic: string, payload: unknown) => void,
  ) {}

  private prepare(query: string): Prepared {
    let found = this.prepared.get(query);
    if (!found) {
      try {
        const document = parse(query);
        found = { document, validationErrors: validate(schemaWithResolvers(), document) };
      } catch (error) {
        found = { parseError: error as GraphQLError };
      }
      if (this.prepared.size >= PREPARED_LIMIT) this.prepared.clear();
      this.prepared.set(query, found);
    }
    return found;
  }

  bucket(shop: ShopRecord): LeakyBucket {
    let bucket = this.buckets.get(shop.domain);
    if (!bucket) {
      bucket = new LeakyBucket(RESTORE_RATE[shop.plan]);
      this.buckets.set(shop.domain, bucket);
    }
    return bucket;
  }

  /** `scopes`: what the caller's access token was granted; fields that need a scope it lacks are ACCESS_DENIED. */
  async handle(shop: ShopRecord, body: unknown, scopes?: ReadonlySet<string>): Promise<GraphqlHttpResult> {
    const request = body as { query?: unknown; variables?: unknown; operationName?: unknown } | null;
    if (!request || typeof request.query !== "string" || request.query.trim() === "") {
      return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
    }
    const variables = request.variables && typeof request.variables === "object" ? (request.variables as Record<string, unknown>) : {};
    const schema = schemaWithResolvers();
    const prepared = this.prepare(request.query);
    if ("parseError" in prepared) return { status: 200, body: { errors: [parseErrorEntry(prepared.parseError)] } };
    const { document } = prepared;
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
    const operation = operationName
      ? operations.find((o) => o.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
    if (!operation) {
      const message = operationName ? `No operation named "${operationName}"` : "An operation name is required";
      return { status: 200, body: { errors: [{ message }] } };
    }
    const variableTypes = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, print(v.type)]));

    const { validationErrors } = prepared;
    if (validationErrors.length) {
      return {
        status: 200,
        body: { errors: validationErrors.map((e) => withOperationPath(toShopifyError(e, variableTypes), e, operation)) },
      };
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
      this.throttled.set(shop.domain, (this.throttled.get(shop.domain) ?? 0) + 1);
      return {
        status: 200,
        body: {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
          extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: bucket.status() } },
        },
      };
    }

    const result = this.execute(shop, document, operation.name?.value, variables, scopes);
    if (operation.name) this.served.set(operation.name.value, (this.served.get(operation.name.value) ?? 0) + 1);
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

  /**
   * Runs a checked document for the shop; the webhooks it causes are sent once it has run. The
   * resolvers are synchronous, as a store held in memory allows, so the whole execution is.
   */
  private execute(
    shop: ShopRecord,
    document: DocumentNode,
    operationName?: string,
    variables?: Record<string, unknown>,
    scopes?: ReadonlySet<string>,
  ) {
    const events: { topic: string; payload: unknown }[] = [];
    const context: ResolverContext = {
      store: this.store,
      shop,
      scopes,
      now: this.now(),
      events,
      bulk: {
        schema: schemaWithResolvers(),
        shop,
        now: this.now,
        nextId: () => this.store.newId(),
        emit: (topic, payload) => this.emit(shop, topic, payload),
        // A bulk query reads with the scopes of the token that started it.
        run: (bulkDocument) => this.execute(shop, bulkDocument, undefined, undefined, scopes),
      },
      bulkFileUrl: (bulkOperation) => `${this.store.origin ?? ""}/bulk-operations/${shop.domain}/${bulkOperation.id}.jsonl`,
    };
    const result = executeSync({
      schema: schemaWithResolvers(),
      document,
      operationName,
      variableValues: variables,
      contextValue: context,
      fieldResolver: presentedField,
    });
    for (const event of events) this.emit(shop, event.topic, event.payload);
    return result;
  }
}

// Shopify gives validation errors the path of the offending field from the operation down,
// e.g. ["query ShopInfo", "shop", "nmae"].
function withOperationPath(entry: ShopifyErrorEntry, error: GraphQLError, operation: OperationDefinitionNode): ShopifyErrorEntry {
  const head = `${operation.operation}${operation.name ? ` ${operation.name.value}` : ""}`;
  const target = error.nodes?.[0];
  const walk = (selections: readonly SelectionNode[], path: string[]): string[] | null => {
    for (const selection of selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const here = [...path, selection.alias?.value ?? selection.name.value];
      if (selection === target) return here;
      const found = selection.selectionSet ? walk(selection.selectionSet.selections, here) : null;
      if (found) return found;
    }
    return null;
  };
  return { ...entry, path: [head, ...(walk(operation.selectionSet.selections, []) ?? [])] };
}

/**
 * A field of an object a presenter built: its value, null included. A field the presenter does not
 * give at all (undefined) is one the simulator has not implemented: it fails loudly rather than
 * answering null, which Shopify would not, and which would let a query pass that Shopify answers.
 */
const presentedField: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    return defaultFieldResolver(source, args, context, info);
  }
  if (info.fieldName === "__typename") return defaultFieldResolver(source, args, context, info);
  throw new GraphQLError(`SIMULATOR_NOT_IMPLEMENTED: ${info.parentType.name}.${info.fieldName} is not presented by the simulator`);
};
