import {
  getNamedType,
  isLeafType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  isCompositeType,
  isObjectType,
  isInterfaceType,
} from "graphql";

/**
 * Shopify's calculated query cost (shopify.dev, "GraphQL Admin API rate limits"): scalars and enums
 * cost 0, objects 1, a connection 2 plus its page size times the cost of one node, a mutation 10.
 * Simplification, documented in docs/simulator.md: the actual cost is taken to be the requested one.
 */
export const MUTATION_COST = 10;
export const MAX_SINGLE_QUERY_COST = 1000;

interface CostContext {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
}

function argumentNumber(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === "number" ? given : undefined;
  }
  return undefined;
}

function selectionCost(set: SelectionSetNode | undefined, parent: GraphQLCompositeType, ctx: CostContext): number {
  if (!set) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? ctx.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const type = typeName ? ctx.schema.getType(typeName) : parent;
      if (type && isCompositeType(type)) total += selectionCost(fragment.selectionSet, type, ctx);
      continue;
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const type = getNamedType(field.type);
    if (isLeafType(type) || !isCompositeType(type)) continue;
    if (type.name.endsWith("Connection") && isObjectType(type)) {
      const args = new Map(selection.arguments?.map((a) => [a.name.value, a.value]));
      const pageSize = argumentNumber(args.get("first"), ctx.variables) ?? argumentNumber(args.get("last"), ctx.variables) ?? 0;
      total += 2 + pageSize * nodeCost(selection.selectionSet, type, ctx);
      continue;
    }
    total += 1 + selectionCost(selection.selectionSet, type, ctx);
  }
  return total;
}

// One node of a connection, wherever it was selected (edges.node or nodes).
function nodeCost(set: SelectionSetNode | undefined, connectionType: GraphQLCompositeType, ctx: CostContext): number {
  if (!set || !isObjectType(connectionType)) return 1;
  let cost = 1;
  for (const selection of set.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === "nodes") {
      const type = getNamedType(connectionType.getFields().nodes!.type) as GraphQLCompositeType;
      cost = Math.max(cost, 1 + selectionCost(selection.selectionSet, type, ctx));
    }
    if (selection.name.value === "edges") {
      const edgeType = getNamedType(connectionType.getFields().edges!.type);
      if (!isObjectType(edgeType)) continue;
      for (const edgeSelection of selection.selectionSet?.selections ?? []) {
        if (edgeSelection.kind === Kind.FIELD && edgeSelection.name.value === "node") {
          const type = getNamedType(edgeType.getFields().node!.type) as GraphQLCompositeType;
          cost = Math.max(cost, 1 + selectionCost(edgeSelection.selectionSet, type, ctx));
        }
      }
    }
  }
  return cost;
}

export function requestedQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const ctx = { schema, variables, fragments };
  if (operation.operation === "mutation") {
    const mutation = schema.getMutationType()!;
    return operation.selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind !== Kind.FIELD) return sum;
      const payload = mutation.getFields()[selection.name.value];
      const type = payload ? getNamedType(payload.type) : undefined;
      const nested = type && isCompositeType(type) ? selectionCost(selection.selectionSet, type, ctx) : 0;
      return sum + Math.max(MUTATION_COST, nested);
    }, 0);
  }
  return selectionCost(operation.selectionSet, schema.getQueryType()!, ctx);
}
