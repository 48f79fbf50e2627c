/** A customer as Shopify's privacy webhooks name them: their gid and, where given, their email. */
export interface CustomerRef {
  customerId: string;
  email: string | null;
}
