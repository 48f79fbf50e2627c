import fc from "fast-check";

/**
 * Generators of hostile input for the fuzz suites: anything JSON can say, and well-formed values
 * with one part replaced by anything (the shape a form or a webhook has, broken in one place,
 * finds more than noise does).
 */
export const anyJson = fc.jsonValue({ maxDepth: 4 });

/** A scalar of the wrong kind, or text that is long, empty, odd Unicode or markup. */
export const oddValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    Number.MAX_SAFE_INTEGER,
    "",
    " ",
    "NaN",
    "-0",
    "1e9",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
  ),
  fc.string({ unit: "grapheme", maxLength: 64 }),
  fc.nat({ max: 10_000 }).map((extra) => "x".repeat(10_000 + extra)),
  fc.integer(),
  fc.double(),
  anyJson,
);

/** Paths to every value inside a JSON value, objects and arrays alike. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  if (value && typeof value === "object")
    return [prefix, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  return [prefix];
}

/** A shallow copy of an array or object, indexable by a path's step. */
const shallowCopy = (value: unknown) =>
  (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;

function replacedAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = shallowCopy(value);
  copy[head!] = replacedAt(copy[head!], rest, replacement);
  return copy;
}

function removedAt(value: unknown, path: (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (rest.length > 0) {
    const copy = shallowCopy(value);
    copy[head!] = removedAt(copy[head!], rest);
    return copy;
  }
  if (Array.isArray(value)) return value.filter((_, index) => index !== head);
  const { [head!]: _removed, ...others } = value as Record<string, unknown>;
  return others;
}

/** The valid value with one part replaced by something odd, one part removed, or a field added. */
export function brokenInOnePlace(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const inner = paths.filter((path) => path.length > 0);
  const added = fc
    .tuple(fc.string({ maxLength: 20 }), oddValue)
    .map(([key, odd]) => (valid && typeof valid === "object" && !Array.isArray(valid) ? { ...valid, [key]: odd } : odd));
  return fc.oneof(
    fc.tuple(fc.constantFrom(...paths), oddValue).map(([path, odd]) => replacedAt(valid, path, odd)),
    inner.length ? fc.constantFrom(...inner).map((path) => removedAt(valid, path)) : added,
    added,
  );
}

/** What a posted JSON field may carry: the broken value as JSON, or text that is not JSON at all. */
export function postedJson(valid: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: brokenInOnePlace(valid).map((value) => JSON.stringify(value) ?? "") },
    {
      weight: 1,
      arbitrary: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("{", "[1,", "null", "undefined", '{"__proto__":{"x":1}}')),
    },
  );
}
