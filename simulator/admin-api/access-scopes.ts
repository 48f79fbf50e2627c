import { readFileSync } from "node:fs";
import { GraphQLError, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLNamedType, type GraphQLSchema } from "graphql";
import { schemaFile } from "../shopify-schemas";

/**
 * The access scopes Shopify requires, read from the `requiredAccess` text its published Admin schema
 * gives types and fields ("`read_orders` access scope, `read_marketplace_orders` access scope or
 * `read_quick_sale` access scope."). Nothing here lists scopes by hand: a field Orchard starts
 * reading is checked as Shopify would check it.
 */

/** Every group must be met by one of its scopes. */
export type ScopeRequirement = { text: string; groups: string[][] };

const SCOPE = /`([a-z_]+)`/g;
const scopesIn = (text: string) => [...text.matchAll(SCOPE)].map((match) => match[1]!);

/**
 * One `requiredAccess` text as groups of alternatives, or null for what a token's scopes do not
 * decide (staff permissions, plans, private programmes), which the simulator leaves open.
 */
export function parseRequiredAccess(text: string): ScopeRequirement | null {
  const [main = "", ...also] = text.split("Also:");
  // A staff member's permission is not a scope: offline tokens, which Orchard uses, have none.
  const scopePart = main.replace(/,? or `[a-z_]+` user permission/g, "");
  if (/for queries and both/.test(scopePart)) return null;
  const groups: string[][] = [];
  const [required = "", anyOf] = scopePart.split(/ as well as any of | and \(/);
  if (scopesIn(required).length) groups.push(scopesIn(required));
  if (anyOf && scopesIn(anyOf).length) groups.push(scopesIn(anyOf));
  for (const extra of also) {
    const demanded = /Requires (`[a-z_]+`(?: or `[a-z_]+`)*) (?:access )?scope/.exec(extra);
    if (demanded) groups.push(scopesIn(demanded[1]!));
  }
  return groups.length ? { text, groups } : null;
}

/** A write scope carries its read scope, as Shopify grants them. */
export function grants(scopes: ReadonlySet<string>, scope: string): boolean {
  return scopes.has(scope) || (scope.startsWith("read_") && scopes.has(`write_${scope.slice("read_".length)}`));
}

export function satisfied(requirement: ScopeRequirement, scopes: ReadonlySet<string>): boolean {
  return requirement.groups.every((group) => group.some((scope) => grants(scopes, scope)));
}

interface IntrospectedField {
  name: string;
  requiredAccess?: string | null;
}
interface IntrospectedType {
  name: string;
  requiredAccess?: string | null;
  fields?: IntrospectedField[] | null;
}

/** `Type` and `Type.field` → what Shopify requires for it. */
function requirementsOfAdminSchema(): Map<string, ScopeRequirement> {
  const file = JSON.parse(readFileSync(schemaFile("admin"), "utf8")) as { data: { __schema: { types: IntrospectedType[] } } };
  const requirements = new Map<string, ScopeRequirement>();
  const add = (key: string, text: string | null | undefined) => {
    const requirement = text ? parseRequiredAccess(text) : null;
    if (requirement) requirements.set(key, requirement);
  };
  for (const type of file.data.__schema.types) {
    add(type.name, type.requiredAccess);
    for (const field of type.fields ?? []) add(`${type.name}.${field.name}`, field.requiredAccess);
  }
  return requirements;
}

/** The object a field hands back: a connection's or edge's node type stands for it. */
function objectTypeBehind(type: GraphQLNamedType): GraphQLNamedType {
  if (!isObjectType(type) || !/(Connection|Edge)$/.test(type.name)) return type;
  const node = type.getFields().node ?? type.getFields().nodes;
  return node ? objectTypeBehind(getNamedType(node.type)) : type;
}

/**
 * Wraps every field that Shopify guards, or whose type it guards, so that a token without the scope
 * gets what Shopify answers: the field null, and an ACCESS_DENIED error naming what it requires.
 * `scopes` undefined (the store's own reads) is never refused.
 */
export function enforceAccessScopes<Context extends { scopes?: ReadonlySet<string> }>(
  schema: GraphQLSchema,
  fallback: GraphQLFieldResolver<unknown, Context>,
): void {
  const requirements = requirementsOfAdminSchema();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const guards = [
        requirements.get(`${type.name}.${field.name}`),
        requirements.get(objectTypeBehind(getNamedType(field.type)).name),
      ].filter((requirement) => requirement !== undefined);
      if (!guards.length) continue;
      const resolve = (field.resolve ?? fallback) as GraphQLFieldResolver<unknown, Context>;
      field.resolve = (source, args, context, info) => {
        const missing = context.scopes && guards.find((guard) => !satisfied(guard, context.scopes!));
        if (missing) {
          throw new GraphQLError(`Access denied for ${field.name} field. Required access: ${missing.text}`, {
            extensions: {
              code: "ACCESS_DENIED",
              documentation: "https://shopify.dev/api/usage/access-scopes",
              requiredAccess: missing.text,
            },
          });
        }
        return resolve(source, args, context, info);
      };
    }
  }
}
