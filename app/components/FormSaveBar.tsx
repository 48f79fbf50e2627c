import { useEffect, useRef, useState } from "react";
import { SaveBar } from "@shopify/app-bridge-react";
import { useTranslation } from "../i18n/use-translation";

/**
 * App Bridge's contextual save bar: shown in the admin's top bar while the page's form holds
 * changes not saved, and while they are being saved; its Save and Discard act on the form.
 */
export function FormSaveBar({
  changed,
  saving,
  onSave,
  onDiscard,
}: {
  changed: boolean;
  saving: boolean;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SaveBar id="orchard-save-bar" open={changed || saving}>
      <button variant="primary" onClick={onSave} disabled={saving} loading={saving ? "" : undefined}>
        {t("saveBar.save")}
      </button>
      <button onClick={onDiscard} disabled={saving}>
        {t("saveBar.discard")}
      </button>
    </SaveBar>
  );
}

const fieldsOf = (form: HTMLFormElement) =>
  new URLSearchParams([...new FormData(form)].map(([name, value]) => [name, String(value)])).toString();

/**
 * For a plain <form> whose fields keep their own state: whether its fields differ from those it
 * showed when it was loaded or last saved (`savedVersion` changes on each save that stays on the
 * page), `save` submitting it and `resetFields` bringing every field back to its initial value by
 * mounting the form anew (`formKey`).
 * Fields set by the page's code rather than typed (hidden inputs) count too: React writes their
 * value attribute, which the observer sees.
 */
export function useFormChanges(savedVersion: unknown) {
  const formRef = useRef<HTMLFormElement>(null);
  const [formKey, setFormKey] = useState(0);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const saved = fieldsOf(form);
    setChanged(false);
    const compare = () => setChanged(fieldsOf(form) !== saved);
    const observer = new MutationObserver(compare);
    observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ["value", "checked", "selected"] });
    // On the document, not the form: heard after React's own handlers, which must first take the
    // typed value into the field's state, or the re-render this causes puts the old value back.
    const onEdit = (event: Event) => {
      if (form.contains(event.target as Node)) compare();
    };
    const document = form.ownerDocument;
    document.addEventListener("input", onEdit);
    document.addEventListener("change", onEdit);
    return () => {
      observer.disconnect();
      document.removeEventListener("input", onEdit);
      document.removeEventListener("change", onEdit);
    };
  }, [formKey, savedVersion]);
  return {
    formRef,
    formKey,
    changed,
    save: () => formRef.current?.requestSubmit(),
    resetFields: () => setFormKey((key) => key + 1),
  };
}
