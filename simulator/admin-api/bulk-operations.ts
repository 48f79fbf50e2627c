import {
  getNamedType,
  GraphQLError,
  isObjectType,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { gid } from "../ids";
import type { BulkOperationRecord, ShopRecord } from "../store";

/**
 * Bulk operations (https://shopify.dev/docs/api/usage/bulk-operations/queries): bulkOperationRunQuery
 * takes a query with connections and no pagination, Shopify runs it in the background, counts the
 * objects as it goes, and writes the result as JSONL: one line per node, nested connections' nodes
 * on lines of their own carrying `__parentId`. One query operation per app and shop at a time; the
 * `bulk_operations/finish` webhook tells the app it ended.
 */

/** How many objects the simulated background job gets through per step, and how long a step takes. */
const OBJECTS_PER_STEP = 200;
const STEP_MS = 20;
const MAX_CONNECTIONS = 5;
const MAX_NESTING = 2;

let runningBulkQuery = false;
/**
 * Inside a bulk query's execution, connections return every node: pagination arguments are not
 * needed. The simulator's resolvers are synchronous, so a flag held for one synchronous execution
 * belongs to that execution alone (an AsyncLocalStorage would turn on promise hooks for the whole
 * process, the store's and Orchard's code alike, once the first bulk query ran).
 */
export const connectionsUnpaged = () => runningBulkQuery;

interface UserError {
  field: string[];
  message: string;
  code: "INVALID" | "OPERATION_IN_PROGRESS";
}

const invalid = (message: string): UserError => ({ field: ["query"], message: `Invalid bulk query: ${message}`, code: "INVALID" });

/** The checks Shopify makes before it accepts a bulk query; the parsed document if it passes. */
function checkBulkQuery(schema: GraphQLSchema, query: string): { document: DocumentNode } | { error: UserError } {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { error: invalid((error as GraphQLError).message) };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return { error: invalid(validationErrors[0]!.message) };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== "query")
    return { error: invalid("a bulk query must be one query operation") };
  if (operations[0]!.variableDefinitions?.length) return { error: invalid("bulk queries cannot take variables") };
  let connections = 0;
  let problem: string | null = null;
  const walk = (selectionSet: SelectionSetNode, type: GraphQLObjectType, depth: number, root: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) {
        problem ??= "fragments are not supported in the simulator's bulk queries";
        continue;
      }
      if (root && (selection.name.value === "node" || selection.name.value === "nodes")) {
        problem ??= "the top-level node and nodes fields can't be used";
      }
      const field = type.getFields()[selection.name.value];
      const fieldType = field && getNamedType(field.type);
      if (!fieldType || !isObjectType(fieldType) || !selection.selectionSet) continue;
      const isConnection = fieldType.name.endsWith("Connection");
      if (!isConnection) {
        walk(selection.selectionSet, fieldType, depth, false);
        continue;
      }
      connections += 1;
      if (depth + 1 > MAX_NESTING) problem ??= `connections can be nested ${MAX_NESTING} levels deep at most`;
      if (!root && !selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "id")) {
        problem ??= `the parent of the nested connection ${selection.name.value} must select id`;
      }
      for (const inner of selection.selectionSet.selections) {
        if (inner.kind !== Kind.FIELD || !inner.selectionSet) continue;
        if (inner.name.value === "pageInfo") problem ??= "pageInfo is not supported in bulk queries";
        const nodeType = getNamedType(fieldType.getFields()[inner.name.value]!.type) as GraphQLObjectType;
        const nodeSelections =
          inner.name.value === "edges"
            ? inner.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === "node")
            : inner.name.value === "nodes"
              ? inner
              : undefined;
        if (!nodeSelections || nodeSelections.kind !== Kind.FIELD || !nodeSelections.selectionSet) continue;
        const node = inner.name.value === "edges" ? (getNamedType(nodeType.getFields().node!.type) as GraphQLObjectType) : nodeType;
        walk(nodeSelections.selectionSet, node, depth + 1, false);
      }
    }
  };
  walk(operations[0]!.selectionSet, schema.getQueryType()!, 0, true);
  if (connections === 0) return { error: invalid("bulk queries must contain at least one connection") };
  if (connections > MAX_CONNECTIONS) return { error: invalid(`bulk queries cannot contain more than ${MAX_CONNECTIONS} connections`) };
  return problem ? { error: invalid(problem) } : { document };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A connection's nodes, whether the query asked for edges { node } or nodes. */
function connectionNodes(value: unknown): Record<string, unknown>[] | null {
  if (!isRecord(value)) return null;
  if (Array.isArray(value.edges)) return value.edges.map((edge) => (edge as { node: Record<string, unknown> }).node);
  if (Array.isArray(value.nodes)) return value.nodes as Record<string, unknown>[];
  return null;
}

/** The result as JSONL lines: each node without its nested connections, then theirs with __parentId. */
export function jsonlLines(data: Record<string, unknown>): { lines: string[]; rootObjects: number } {
  const lines: string[] = [];
  let rootObjects = 0;
  const emit = (node: Record<string, unknown>, parentId: string | null) => {
    const own: Record<string, unknown> = {};
    const nested: Record<string, unknown>[][] = [];
    for (const [key, value] of Object.entries(node)) {
      const children = connectionNodes(value);
      if (children) nested.push(children);
      else own[key] = value;
    }
    lines.push(JSON.stringify(parentId ? { ...own, __parentId: parentId } : own));
    for (const children of nested) for (const child of children) emit(child, String(node.id));
  };
  for (const value of Object.values(data)) {
    for (const node of connectionNodes(value) ?? []) {
      rootObjects += 1;
      emit(node, null);
    }
  }
  return { lines, rootObjects };
}

export function presentBulkOperation(operation: BulkOperationRecord, fileUrl: (operation: BulkOperationRecord) => string) {
  const completed = operation.status === "COMPLETED";
  return {
    __typename: "BulkOperation",
    id: gid("BulkOperation", operation.id),
    status: operation.status,
    type: "QUERY",
    query: operation.query,
    createdAt: operation.createdAt.toISOString(),
    completedAt: operation.completedAt?.toISOString() ?? null,
    errorCode: operation.errorCode,
    objectCount: String(operation.objectCount),
    rootObjectCount: String(operation.rootObjectCount),
    fileSize: completed && operation.lines?.length ? String(Buffer.byteLength(operation.lines.join("\n") + "\n")) : null,
    // Shopify answers null for a completed operation that found nothing.
    url: completed && operation.lines?.length ? fileUrl(operation) : null,
    partialDataUrl: null,
  };
}

export interface BulkRunContext {
  schema: GraphQLSchema;
  shop: ShopRecord;
  now: () => Date;
  nextId: () => number;
  /** Sends a webhook for the shop (the operation's end). */
  emit: (topic: string, payload: unknown) => void;
  /** Runs a document against the shop as the Admin API would, synchronously. */
  run: (document: DocumentNode) => ExecutionResult;
}

/** bulkOperationRunQuery: accepts or refuses the query, then runs it in the background. */
export function runBulkQuery(context: BulkRunContext, query: string): { operation: BulkOperationRecord | null; userErrors: UserError[] } {
  const { shop } = context;
  const running = shop.bulkOperations.find((op) => op.status === "CREATED" || op.status === "RUNNING");
  if (running) {
    return {
      operation: null,
      userErrors: [
        {
          field: ["query"],
          message: `A bulk query operation for this app and shop is already in progress: ${gid("BulkOperation", running.id)}.`,
          code: "OPERATION_IN_PROGRESS",
        },
      ],
    };
  }
  const checked = checkBulkQuery(context.schema, query);
  if ("error" in checked) return { operation: null, userErrors: [checked.error] };
  const operation: BulkOperationRecord = {
    id: context.nextId(),
    query,
    status: "CREATED",
    createdAt: context.now(),
    completedAt: null,
    objectCount: 0,
    rootObjectCount: 0,
    errorCode: null,
    lines: null,
  };
  shop.bulkOperations.push(operation);
  setTimeout(() => work(context, operation, checked.document), STEP_MS);
  return { operation, userErrors: [] };
}

/** The background job: the query runs, then the count grows step by step until the file is there. */
function work(context: BulkRunContext, operation: BulkOperationRecord, document: DocumentNode): void {
  if (context.shop.holdBulkOperations) {
    setTimeout(() => work(context, operation, document), STEP_MS);
    return;
  }
  operation.status = "RUNNING";
  runningBulkQuery = true;
  let result: ExecutionResult;
  try {
    result = context.run(document);
  } finally {
    runningBulkQuery = false;
  }
  const finish = (status: BulkOperationRecord["status"], errorCode: BulkOperationRecord["errorCode"]) => {
    operation.status = status;
    operation.errorCode = errorCode;
    operation.completedAt = context.now();
    context.emit("bulk_operations/finish", {
      admin_graphql_api_id: gid("BulkOperation", operation.id),
      completed_at: operation.completedAt.toISOString(),
      created_at: operation.createdAt.toISOString(),
      error_code: errorCode?.toLowerCase() ?? null,
      status: status.toLowerCase(),
      type: "query",
    });
  };
  if (result.errors?.length || !result.data) {
    finish("FAILED", result.errors?.some((e) => e.extensions?.code === "ACCESS_DENIED") ? "ACCESS_DENIED" : "INTERNAL_SERVER_ERROR");
    return;
  }
  const { lines, rootObjects } = jsonlLines(result.data);
  const step = () => {
    operation.objectCount = Math.min(lines.length, operation.objectCount + OBJECTS_PER_STEP);
    operation.rootObjectCount = Math.round((rootObjects * operation.objectCount) / Math.max(1, lines.length));
    if (operation.objectCount < lines.length) {
      setTimeout(step, STEP_MS);
      return;
    }
    operation.lines = lines;
    finish("COMPLETED", null);
  };
  step();
}
