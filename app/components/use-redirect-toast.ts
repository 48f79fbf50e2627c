import { useEffect, useRef } from "react";
import { useSearchParams } from "@remix-run/react";

/**
 * A page reached by a redirect after a save (?saved=1, ?archived=1…) shows one toast for it, then
 * the parameter leaves the URL so a reload does not show it again.
 */
export function useRedirectToast(messages: Record<string, string>): void {
  const [params, setParams] = useSearchParams();
  const toasted = useRef(false);
  useEffect(() => {
    const done = Object.keys(messages).find((param) => params.get(param));
    if (done && !toasted.current) {
      toasted.current = true;
      window.shopify?.toast.show(messages[done]!);
      setParams({}, { replace: true });
    }
  }, [params, setParams, messages]);
}
