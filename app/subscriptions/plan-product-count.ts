/** The products a selling plan group is sold on, as Shopify reports them. */
export interface GroupProducts {
  /** Products attached whole: Shopify's exact count, however many. */
  productsCount?: { count: number } | null;
  /** A first page of those products, to recognise them among the variants' products. */
  products: { nodes: { id: string }[] };
  /** Variants attached one by one, without their whole product. */
  productVariants: { nodes: { product: { id: string } }[] };
}

/**
 * How many products a plan is sold on: those attached whole, plus those attached only by some of
 * their variants, each product once.
 */
export function planProductCount(group: GroupProducts): number {
  const whole = new Set(group.products.nodes.map((product) => product.id));
  const byVariantOnly = new Set(group.productVariants.nodes.map((variant) => variant.product.id).filter((id) => !whole.has(id)));
  return (group.productsCount?.count ?? whole.size) + byVariantOnly.size;
}
