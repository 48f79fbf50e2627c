import { z } from "zod";
import { ADJUSTMENTS, INTERVALS, type Attachments, type PlanDraft } from "./plan-draft";

/**
 * The plan form posts its state as JSON. This checks its shape (hostile input: anything may
 * arrive); the business rules are validatePlan's. A malformed body is refused whole.
 */
const adjustment = z.object({ type: z.enum(ADJUSTMENTS), value: z.string().max(32) });
const frequency = z.object({
  id: z
    .string()
    .regex(/^gid:\/\/shopify\/SellingPlan\/\d+$/)
    .optional(),
  interval: z.enum(INTERVALS),
  intervalCount: z.number(),
  deliveriesPerBilling: z.number(),
  discount: adjustment,
  intro: z.object({ orders: z.number(), discount: adjustment }).nullable(),
  anchorDay: z.number().nullable(),
});
const planDraft = z.object({
  name: z.string().max(10_000),
  merchantCode: z.string().max(10_000),
  description: z.string().max(10_000),
  optionsLabel: z.string().max(10_000),
  frequencies: z.array(frequency).max(100),
  minCycles: z.number().nullable(),
  maxCycles: z.number().nullable(),
});
const productIds = z.array(z.string().regex(/^gid:\/\/shopify\/Product\/\d+$/)).max(250);
const variantIds = z.array(z.string().regex(/^gid:\/\/shopify\/ProductVariant\/\d+$/)).max(250);

export function parsePlanForm(form: FormData): { draft: PlanDraft; attachments: Attachments } | null {
  try {
    const draft = planDraft.safeParse(JSON.parse(String(form.get("plan") ?? "")));
    const products = productIds.safeParse(JSON.parse(String(form.get("productIds") ?? "[]")));
    const variants = variantIds.safeParse(JSON.parse(String(form.get("variantIds") ?? "[]")));
    if (!draft.success || !products.success || !variants.success) return null;
    return { draft: draft.data, attachments: { productIds: [...new Set(products.data)], variantIds: [...new Set(variants.data)] } };
  } catch {
    return null;
  }
}

export const emptyDraft = (): PlanDraft => ({
  name: "Subscribe and save",
  merchantCode: "",
  description: "",
  optionsLabel: "Delivery every",
  frequencies: [
    {
      interval: "WEEK",
      intervalCount: 2,
      deliveriesPerBilling: 1,
      discount: { type: "PERCENTAGE", value: "10" },
      intro: null,
      anchorDay: null,
    },
    {
      interval: "WEEK",
      intervalCount: 4,
      deliveriesPerBilling: 1,
      discount: { type: "PERCENTAGE", value: "10" },
      intro: null,
      anchorDay: null,
    },
  ],
  minCycles: null,
  maxCycles: null,
});

/** The setup guide's first plan: the default's every 2 and 4 weeks, and every 8, all at 10 % off. */
export function suggestedDraft(): PlanDraft {
  const draft = emptyDraft();
  return { ...draft, frequencies: [...draft.frequencies, { ...draft.frequencies[0]!, intervalCount: 8 }] };
}
