import { newTheme, type ThemeRecord } from "./theme";
/**
 * The simulator's state: shops and what Shopify keeps for them, in memory, in the shapes Shopify's
 * REST webhooks and GraphQL objects are built from. Money is integer minor units; ids are numbers,
 * presented as gids by the Admin API and as numbers in webhook payloads, as Shopify does.
 */
export type ProductStatus = "ACTIVE" | "DRAFT" | "ARCHIVED";
export type MarketingState = "SUBSCRIBED" | "NOT_SUBSCRIBED" | "UNSUBSCRIBED" | "PENDING";
export type ShopPlan = "standard" | "advanced" | "plus" | "enterprise";

export interface VariantRecord {
  id: number;
  productId: number;
  title: string;
  sku: string;
  priceMinor: number;
  inventoryQuantity: number;
  requiresShipping: boolean;
  position: number;
  /** One value per product option, in the product's option order. */
  optionValues: string[];
  taxable: boolean;
  inventoryPolicy: "DENY" | "CONTINUE";
  tracked: boolean;
}

export interface MetafieldRecord {
  namespace: string;
  key: string;
  type: string;
  value: string;
  updatedAt: Date;
}

export interface ProductRecord {
  id: number;
  title: string;
  handle: string;
  descriptionHtml: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  options: { name: string; values: string[] }[];
  variants: VariantRecord[];
  metafields: MetafieldRecord[];
  /** Published to the Online Store sales channel: only then can shoppers see it and buy it. */
  publishedOnlineStore: boolean;
  /** Sold only on subscription: a cart line of it needs a selling plan. */
  requiresSellingPlan: boolean;
}

export interface CollectionRecord {
  id: number;
  title: string;
  handle: string;
  productIds: number[];
}

export interface CustomerRecord {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  marketingState: MarketingState;
  /** The merchant's and apps' tags (tagsAdd, tagsRemove), as Shopify keeps them: no two alike but for case. */
  tags: string[];
  createdAt: Date;
}

export interface OrderLineRecord {
  id: number;
  variantId: number;
  productId: number;
  title: string;
  variantTitle: string;
  sku: string;
  quantity: number;
  priceMinor: number;
  sellingPlanId: number | null;
  properties: { name: string; value: string }[];
  /** What a discount code took off the line, over all its units (Shopify's total_discount). */
  discountMinor?: number;
}

/**
 * A basic discount the app created (discountCodeBasicCreate, or discountAutomaticBasicCreate with
 * no code): a percentage off qualifying lines, for one-time purchases, subscriptions or both,
 * possibly once per customer, for all buyers or a list of customers.
 */
export interface CodeDiscountRecord {
  id: number;
  title: string;
  code: string;
  /** 1–10,000: the percentage off in basis points. */
  percentageBasisPoints: number;
  appliesOnOneTimePurchase: boolean;
  appliesOnSubscription: boolean;
  appliesOncePerCustomer: boolean;
  /** Subscription billing cycles it discounts (the first order included); 0 for every cycle. */
  recurringCycleLimit: number;
  startsAt: Date;
  endsAt: Date | null;
  /** The customers who have used it, for appliesOncePerCustomer. */
  usedBy: number[];
  /** Automatic (no code: checkout applies it by itself), or a code shoppers enter. */
  automatic: boolean;
  /** The buyers it is for (context.customers), or null for all buyers. */
  customerIds: number[] | null;
  createdAt: Date;
}

/** A postal address as checkout collects it and a subscription ships to (Shopify's MailingAddress). */
export interface MailingAddressRecord {
  firstName: string;
  lastName: string;
  address1: string;
  address2: string;
  city: string;
  province: string;
  zip: string;
  countryCode: string;
}

/** The card checkout vaulted for a subscription's later charges (Shopify's CustomerCreditCard). */
/**
 * A card Shopify keeps for a customer (CustomerPaymentMethod): vaulted at a subscription checkout,
 * or by another subscription app before the merchant moved to this one.
 */
export interface PaymentMethodRecord {
  id: number;
  customerId: number;
  card: CardRecord;
  revokedAt: Date | null;
}

export interface CardRecord {
  brand: string;
  lastDigits: string;
  expiryMonth: number;
  expiryYear: number;
  name: string;
}

export interface OrderRecord {
  id: number;
  number: number;
  customerId: number | null;
  email: string | null;
  createdAt: Date;
  currencyCode: string;
  lines: OrderLineRecord[];
  financialStatus: "PAID" | "PENDING" | "REFUNDED" | "PARTIALLY_REFUNDED";
  cancelledAt: Date | null;
  fulfilledAt: Date | null;
  refunds: { id: number; createdAt: Date; lines: { lineId: number; quantity: number }[] }[];
  /** The cart's attributes, which Shopify copies onto the order as note attributes. */
  noteAttributes: { name: string; value: string }[];
  /**
   * Codes entered at checkout (or carried by a cart permalink or a /discount/ link). A code the app
   * created is priced into the lines it qualifies for; other codes (the merchant's own, which the
   * simulator does not hold) are recorded, not priced: see docs/simulator.md.
   */
  discountCodes: string[];
  shippingAddress: MailingAddressRecord | null;
}

export type Interval = "DAY" | "WEEK" | "MONTH" | "YEAR";

/** A pricing policy; afterCycle 0 is the fixed policy, a later one a recurring policy from that cycle. */
export interface PricingPolicyRecord {
  adjustmentType: "PERCENTAGE" | "FIXED_AMOUNT" | "PRICE";
  /** Percentage in basis points (1000 = 10 %), or an amount in minor units. */
  adjustmentValue: number;
  afterCycle: number;
}

export interface AnchorRecord {
  type: "WEEKDAY" | "MONTHDAY" | "YEARDAY";
  day: number;
  month: number | null;
}

export interface SellingPlanRecord {
  id: number;
  name: string;
  description: string;
  options: string[];
  position: number;
  billingPolicy: { interval: Interval; intervalCount: number; minCycles: number | null; maxCycles: number | null; anchors: AnchorRecord[] };
  deliveryPolicy: { interval: Interval; intervalCount: number; anchors: AnchorRecord[] };
  pricingPolicies: PricingPolicyRecord[];
}

export interface SellingPlanGroupRecord {
  id: number;
  appId: string | null;
  name: string;
  merchantCode: string;
  description: string;
  options: string[];
  position: number;
  productIds: number[];
  variantIds: number[];
  sellingPlans: SellingPlanRecord[];
  createdAt: Date;
}

export type ContractStatus = "ACTIVE" | "PAUSED" | "CANCELLED" | "EXPIRED" | "FAILED";

export interface ContractLineRecord {
  id: number;
  variantId: number;
  productId: number;
  title: string;
  variantTitle: string;
  quantity: number;
  /** What one unit costs each billing (a prepaid line: every delivery of the term), as billing attempts charge it. */
  currentPriceMinor: number;
  /**
   * The plan's price changes, as Shopify copies them onto a line bought with a plan: the unit price,
   * and per pricing policy the price per billing from the cycle after `afterCycle`. Shopify does not
   * apply them itself: the app moves `currentPrice` when a later one starts. Null on lines an app added.
   */
  pricingPolicy: { basePriceMinor: number; cycleDiscounts: (PricingPolicyRecord & { computedPriceMinor: number })[] } | null;
  sellingPlanId: number | null;
  sellingPlanName: string | null;
  customAttributes: { key: string; value: string }[];
}

/** A manual discount on a contract: a percentage, or an amount off each order, for a number of orders or for ever. */
export interface ContractDiscountRecord {
  id: number;
  title: string;
  percentage: number | null;
  amountMinor: number | null;
  /** A fixed amount off each unit (true), or once off the order, shared among its lines (false). */
  appliesOnEachItem: boolean;
  /** How many orders it discounts; null for ever. */
  recurringCycleLimit: number | null;
  /** The orders it has discounted so far. */
  usageCount: number;
}

export interface ContractRecord {
  id: number;
  customerId: number;
  /** The checkout's order; null for a contract an app created (subscriptionContractAtomicCreate). */
  originOrderId: number | null;
  status: ContractStatus;
  currencyCode: string;
  lines: ContractLineRecord[];
  billingPolicy: SellingPlanRecord["billingPolicy"];
  deliveryPolicy: SellingPlanRecord["deliveryPolicy"];
  nextBillingDate: Date;
  createdAt: Date;
  updatedAt: Date;
  revisionId: number;
  paymentMethodId: number;
  paymentCard: CardRecord;
  /** Where each order ships: the checkout's shipping address until a draft changes it. */
  deliveryAddress: MailingAddressRecord;
  discounts: ContractDiscountRecord[];
  /** The app's own attributes of the contract, which Shopify copies onto each order it bills as note attributes. */
  customAttributes: { key: string; value: string }[];
  /** Shopify holds the contract for review (fraud checks): billing attempts are refused meanwhile. */
  underReview?: boolean;
}

/** An open draft of a contract: a copy changed by subscriptionDraft* and applied by subscriptionDraftCommit. */
export interface DraftRecord {
  id: number;
  contractId: number;
  /** The contract's revision when the draft was opened: a commit over a newer one is refused. */
  baseRevisionId: number;
  committed: boolean;
  lines: ContractLineRecord[];
  billingPolicy: ContractRecord["billingPolicy"];
  deliveryPolicy: ContractRecord["deliveryPolicy"];
  nextBillingDate: Date;
  discounts: ContractDiscountRecord[];
  deliveryAddress: MailingAddressRecord;
}

export interface BillingAttemptRecord {
  id: number;
  contractId: number;
  idempotencyKey: string;
  originTime: Date | null;
  createdAt: Date;
  orderId: number | null;
  errorCode: string | null;
  /** Waiting for the customer to authenticate the payment (3-D Secure) at the challenge page. */
  challenged: boolean;
}

export interface CartLineRecord {
  key: string;
  variantId: number;
  quantity: number;
  sellingPlanId: number | null;
  properties: Record<string, string>;
}

/** A bulk query operation of the app's (admin-api/bulk-operations.ts). */
export interface BulkOperationRecord {
  id: number;
  query: string;
  status: "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";
  createdAt: Date;
  completedAt: Date | null;
  objectCount: number;
  rootObjectCount: number;
  errorCode: "ACCESS_DENIED" | "INTERNAL_SERVER_ERROR" | "TIMEOUT" | null;
  /** The result file's lines, once completed. */
  lines: string[] | null;
}

/** The app's own charges to the merchant (admin-api/app-subscriptions.ts). */
export type AppSubscriptionStatus = "PENDING" | "ACTIVE" | "DECLINED" | "CANCELLED" | "EXPIRED" | "FROZEN";

export interface AppSubscriptionLineRecord {
  id: number;
  recurring: { priceMinor: number; currencyCode: string; interval: "EVERY_30_DAYS" | "ANNUAL" } | null;
  usage: { cappedMinor: number; currencyCode: string; terms: string } | null;
}

export interface AppSubscriptionRecord {
  id: number;
  name: string;
  status: AppSubscriptionStatus;
  test: boolean;
  trialDays: number;
  returnUrl: string;
  createdAt: Date;
  activatedAt: Date | null;
  updatedAt: Date;
  lineItems: AppSubscriptionLineRecord[];
}

export interface ShopRecord {
  id: number;
  domain: string;
  name: string;
  email: string;
  /** The public-facing address customers write to (Shopify's shop.contactEmail), unlike the owner's `email`. */
  contactEmail: string;
  currencyCode: string;
  ianaTimezone: string;
  plan: ShopPlan;
  products: Map<number, ProductRecord>;
  collections: Map<number, CollectionRecord>;
  customers: Map<number, CustomerRecord>;
  orders: Map<number, OrderRecord>;
  sellingPlanGroups: Map<number, SellingPlanGroupRecord>;
  contracts: Map<number, ContractRecord>;
  billingAttempts: Map<number, BillingAttemptRecord>;
  /** The same attempts by contract and idempotency key ("{contractId}:{key}"), as Shopify looks them up. */
  billingAttemptsByKey: Map<string, BillingAttemptRecord>;
  /** The app's bulk query operations, oldest first (admin-api/bulk-operations.ts). */
  bulkOperations: BulkOperationRecord[];
  /** While set, bulk operations wait before they run: tests use it to see one in progress. */
  holdBulkOperations: boolean;
  drafts: Map<number, DraftRecord>;
  /** Code discounts the app created, by id. */
  codeDiscounts: Map<number, CodeDiscountRecord>;
  /** Payment method update emails Shopify sent customers at the app's request. */
  paymentUpdateEmails: { paymentMethodId: number; customerId: number; sentAt: Date }[];
  /** Customers' vaulted cards, by id. */
  paymentMethods: Map<number, PaymentMethodRecord>;
  /** Payment failures still to come: each billing attempt takes one and fails with it. */
  failingPayments: string[];
  /** The shop's languages; exactly one is primary. */
  locales: { locale: string; name: string; primary: boolean; published: boolean }[];
  /** Translations by resource gid, then locale, then key: the value and the digest it translates. */
  translations: Map<string, Map<string, Map<string, { value: string; digest: string; updatedAt: Date }>>>;
  /** Storefront carts by cart token. */
  carts: Map<string, CartLineRecord[]>;
  /** Cart attributes by cart token (cart permalinks' attributes[…], /cart/update.js). */
  cartAttributes: Map<string, Record<string, string>>;
  nextOrderNumber: number;
  /** Offline and online access tokens issued to the app, with the scopes they carry. */
  accessTokens: Map<string, { scope: string; online: boolean; userId: number | null }>;
  /** The app is installed once a token exchange succeeded, until app/uninstalled. */
  installed: boolean;
  /** Staff account that "uses" the embedded admin; sessions tokens name it as `sub`. */
  staffUserId: number;
  /** The app's installation on this shop, and the app-data metafields it keeps there (Liquid's app.metafields). */
  appInstallationId: number;
  appMetafields: MetafieldRecord[];
  /** The app's charges to the merchant (Billing API), oldest first. */
  appSubscriptions: AppSubscriptionRecord[];
  /** A development store (Shopify's shop.plan.partnerDevelopment): it accepts test charges only. */
  partnerDevelopment: boolean;
  /** The published theme: where the merchant placed Orchard's app blocks and which app embeds are on. */
  theme: ThemeRecord;
  /** Triggers the app sent Shopify Flow (flowTriggerReceive), oldest first. */
  flowTriggerRuns: FlowTriggerRunRecord[];
  /** The app's Flow triggers an enabled workflow of the merchant's starts with, by handle. */
  flowWorkflows: Set<string>;
}

/** A field a Flow trigger or action extension declares (simulator/flow.ts reads them). */
export interface DeclaredField {
  type: string;
  key?: string;
  required?: boolean;
}

export interface FlowTriggerExtension {
  name: string;
  fields: DeclaredField[];
}

export interface FlowActionExtension {
  name: string;
  runtimeUrl: string;
  fields: DeclaredField[];
}

export interface FlowExtensions {
  triggers: Map<string, FlowTriggerExtension>;
  actions: Map<string, FlowActionExtension>;
  /** The lifecycle callback's URL, relative to the app's URL or absolute. */
  lifecycleUrl: string | null;
}

export interface FlowTriggerRunRecord {
  handle: string;
  payload: Record<string, unknown>;
  receivedAt: Date;
}

/** What the online store shows and sells: active products published to the Online Store. */
export const onSale = (product: ProductRecord) => product.status === "ACTIVE" && product.publishedOnlineStore;

export class Store {
  readonly shops = new Map<string, ShopRecord>();
  /** The app's handle (shopify.app.toml): the theme names its blocks by it. */
  appHandle = "";
  /** Where the shops' themes are read from (undefined: THEMES_DIR or ../shared/themes). */
  themesDir: string | undefined = undefined;
  /** The app's Shopify Flow triggers and actions, as its extensions declare them. */
  flowExtensions: FlowExtensions = { triggers: new Map(), actions: new Map(), lifecycleUrl: null };
  /** Where the simulator listens, once started: the online stores live under it. */
  origin: string | null = null;
  private nextId = 1000;

  newId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  createShop(input: {
    domain: string;
    name: string;
    currencyCode?: string;
    ianaTimezone?: string;
    plan?: ShopPlan;
    partnerDevelopment?: boolean;
    /** Whether the merchant has already added Orchard's blocks to the theme (a fresh install has not). */
    orchardBlocksInTheme?: boolean;
    /** The theme folder the shop publishes (Dawn unless told). */
    theme?: string;
  }): ShopRecord {
    if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(input.domain)) throw new Error(`invalid shop domain ${input.domain}`);
    if (this.shops.has(input.domain)) throw new Error(`shop ${input.domain} exists already`);
    const shop: ShopRecord = {
      id: this.newId(),
      domain: input.domain,
      name: input.name,
      email: `owner@${input.domain.replace(".myshopify.com", "")}.example`,
      contactEmail: `hello@${input.domain.replace(".myshopify.com", "")}.example`,
      currencyCode: input.currencyCode ?? "USD",
      ianaTimezone: input.ianaTimezone ?? "America/New_York",
      plan: input.plan ?? "standard",
      products: new Map(),
      collections: new Map(),
      customers: new Map(),
      orders: new Map(),
      sellingPlanGroups: new Map(),
      contracts: new Map(),
      billingAttempts: new Map(),
      billingAttemptsByKey: new Map(),
      bulkOperations: [],
      holdBulkOperations: false,
      drafts: new Map(),
      codeDiscounts: new Map(),
      paymentUpdateEmails: [],
      paymentMethods: new Map(),
      failingPayments: [],
      flowTriggerRuns: [],
      flowWorkflows: new Set(),
      carts: new Map(),
      cartAttributes: new Map(),
      locales: [
        { locale: "en", name: "English", primary: true, published: true },
        { locale: "fr", name: "French", primary: false, published: true },
      ],
      translations: new Map(),
      nextOrderNumber: 1001,
      accessTokens: new Map(),
      installed: false,
      staffUserId: this.newId(),
      appInstallationId: this.newId(),
      appMetafields: [],
      appSubscriptions: [],
      partnerDevelopment: input.partnerDevelopment ?? false,
      theme: newTheme(this.newId(), this.appHandle, input.orchardBlocksInTheme ?? true, input.theme),
    };
    this.shops.set(shop.domain, shop);
    return shop;
  }

  shop(domain: string): ShopRecord | undefined {
    return this.shops.get(domain);
  }

  requireShop(domain: string): ShopRecord {
    const shop = this.shops.get(domain);
    if (!shop) throw new Error(`no shop ${domain} in the simulator`);
    return shop;
  }

  /** The selling plan, if the variant may be bought with it (its group holds the product or the variant). */
  sellingPlanFor(shop: ShopRecord, productId: number, variantId: number, sellingPlanId: number): SellingPlanRecord | undefined {
    for (const group of shop.sellingPlanGroups.values()) {
      if (!group.productIds.includes(productId) && !group.variantIds.includes(variantId)) continue;
      const plan = group.sellingPlans.find((p) => p.id === sellingPlanId);
      if (plan) return plan;
    }
    return undefined;
  }

  groupsFor(shop: ShopRecord, productId: number): SellingPlanGroupRecord[] {
    return [...shop.sellingPlanGroups.values()]
      .filter((g) => g.productIds.includes(productId) || shop.products.get(productId)?.variants.some((v) => g.variantIds.includes(v.id)))
      .sort((a, b) => a.position - b.position);
  }

  findVariant(shop: ShopRecord, variantId: number): { product: ProductRecord; variant: VariantRecord } | undefined {
    for (const product of shop.products.values()) {
      const variant = product.variants.find((v) => v.id === variantId);
      if (variant) return { product, variant };
    }
    return undefined;
  }
}
