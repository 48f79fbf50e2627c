/**
 * A posted form's text fields by name: a missing field (or a file where text was expected) reads
 * as empty, so that it fails its own field's validation rather than the request.
 */
export function textFields<Name extends string>(form: FormData, names: readonly Name[]): Record<Name, string> {
  return Object.fromEntries(
    names.map((name) => {
      const value = form.get(name);
      return [name, typeof value === "string" ? value : ""];
    }),
  ) as Record<Name, string>;
}

/** A checkbox as a browser posts it: "on" when ticked, absent otherwise. */
export const ticked = (form: FormData, name: string): boolean => form.get(name) === "on";
