import { useState } from "react";
import { Checkbox, Select, TextField, type CheckboxProps, type SelectProps, type TextFieldProps } from "@shopify/polaris";

/**
 * Polaris fields are controlled; inside a plain Remix <Form> they only need to remember what the
 * merchant typed until the form is submitted. These keep that state and post under `name`.
 */
export function FormTextField({
  initialValue = "",
  ...props
}: Omit<TextFieldProps, "value" | "onChange"> & { name: string; initialValue?: string }) {
  const [value, setValue] = useState(initialValue);
  return <TextField {...props} value={value} onChange={setValue} />;
}

export function FormSelect({ initialValue, ...props }: Omit<SelectProps, "value" | "onChange"> & { name: string; initialValue?: string }) {
  const first = props.options?.[0];
  const [value, setValue] = useState(initialValue ?? (typeof first === "object" && "value" in first ? first.value : ""));
  return <Select {...props} value={value} onChange={setValue} />;
}

/** A checkbox posted as a browser posts one ("on" when ticked, empty otherwise), under `name`. */
export function FormCheckbox({
  name,
  initialChecked = false,
  ...props
}: Omit<CheckboxProps, "checked" | "onChange"> & { name: string; initialChecked?: boolean }) {
  const [checked, setChecked] = useState(initialChecked);
  return (
    <>
      <input type="hidden" name={name} value={checked ? "on" : ""} />
      <Checkbox {...props} checked={checked} onChange={setChecked} />
    </>
  );
}
