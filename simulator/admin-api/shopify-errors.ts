import type { GraphQLError } from "graphql";

/**
 * graphql-js and Shopify (graphql-ruby) word the same validation failures differently. Apps match
 * on Shopify's words and codes, so the simulator answers in Shopify's.
 */
export interface ShopifyErrorEntry {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The declared type of each variable of the operation, e.g. { input: "ProductInput!" }. */
export type VariableTypes = ReadonlyMap<string, string>;

const rules: { pattern: RegExp; to: (m: RegExpExecArray, variables: VariableTypes) => Omit<ShopifyErrorEntry, "locations"> }[] = [
  {
    pattern: /^Cannot query field "(\w+)" on type "(\w+)"\./,
    to: ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  },
  {
    pattern: /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./,
    to: ([, argument, , field]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: argument },
    }),
  },
  {
    pattern: /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./,
    to: ([, field, argument]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: argument },
    }),
  },
  {
    pattern: /^Unknown type "(\w+)"\./,
    to: ([, type]) => ({
      message: `No such type ${type}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: type },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./,
    to: ([, name, type]) => ({
      message: `Variable $${name} of type ${type} was provided invalid value`,
      extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s,
    to: ([, name, value, explanation], variables) => ({
      message: `Variable $${name} of type ${variables.get(name ?? "") ?? "unknown"} was provided invalid value`,
      extensions: { value: safeJson(value), problems: [{ path: [], explanation }] },
    }),
  },
  {
    pattern: /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    to: ([, field, type = ""]) => {
      const typeName = type.replace(/[![\]]/g, "");
      return {
        message: `Field must have selections (field '${field}' returns ${typeName} but has no selections. Did you mean '${field} { ... }'?)`,
        extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName },
      };
    },
  },
];

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "null");
  } catch {
    return text;
  }
}

export function toShopifyError(error: GraphQLError, variables: VariableTypes = new Map()): ShopifyErrorEntry {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  for (const rule of rules) {
    const match = rule.pattern.exec(error.message);
    if (match) return { ...rule.to(match, variables), ...(locations ? { locations } : {}) };
  }
  return {
    message: error.message,
    ...(locations ? { locations } : {}),
    ...(error.path ? { path: [...error.path] } : {}),
    ...(error.extensions && Object.keys(error.extensions).length ? { extensions: { ...error.extensions } } : {}),
  };
}

export function parseErrorEntry(error: GraphQLError): ShopifyErrorEntry {
  const location = error.locations?.[0];
  return {
    message: `Parse error on ${error.message.replace(/^Syntax Error: /, "")}${location ? ` at [${location.line}, ${location.column}]` : ""}`,
    ...(location ? { locations: [{ line: location.line, column: location.column }] } : {}),
  };
}
