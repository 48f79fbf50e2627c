/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type CurrentAppPlanQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type CurrentAppPlanQuery = { currentAppInstallation: { activeSubscriptions: Array<Pick<AdminTypes.AppSubscription, 'id' | 'name' | 'status' | 'test' | 'trialDays' | 'createdAt'>> }, shop: { plan: Pick<AdminTypes.ShopPlan, 'partnerDevelopment'> } };

export type AppSubscriptionCreateMutationVariables = AdminTypes.Exact<{
  name: AdminTypes.Scalars['String']['input'];
  returnUrl: AdminTypes.Scalars['URL']['input'];
  trialDays?: AdminTypes.InputMaybe<AdminTypes.Scalars['Int']['input']>;
  test?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  lineItems: Array<AdminTypes.AppSubscriptionLineItemInput> | AdminTypes.AppSubscriptionLineItemInput;
}>;


export type AppSubscriptionCreateMutation = { appSubscriptionCreate?: AdminTypes.Maybe<(
    Pick<AdminTypes.AppSubscriptionCreatePayload, 'confirmationUrl'>
    & { appSubscription?: AdminTypes.Maybe<Pick<AdminTypes.AppSubscription, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }
  )> };

export type AppSubscriptionCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type AppSubscriptionCancelMutation = { appSubscriptionCancel?: AdminTypes.Maybe<{ appSubscription?: AdminTypes.Maybe<Pick<AdminTypes.AppSubscription, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type BackfillHistoryQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type BackfillHistoryQuery = { orders: { edges: Array<{ node: (
        Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'processedAt' | 'updatedAt' | 'cancelledAt' | 'displayFinancialStatus' | 'currencyCode'>
        & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, lineItems: { edges: Array<{ node: (
              Pick<AdminTypes.LineItem, 'id' | 'title' | 'quantity' | 'refundableQuantity'>
              & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, totalDiscountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount'> }, sellingPlan?: AdminTypes.Maybe<Pick<AdminTypes.LineItemSellingPlan, 'sellingPlanId'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
            ) }> } }
      ) }> }, subscriptionContracts: { edges: Array<{ node: Pick<AdminTypes.SubscriptionContract, 'id'> }> } };

export type BackfillStartMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type BackfillStartMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type BackfillOperationQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BackfillOperationQuery = { node?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'rootObjectCount' | 'url'>> };

export type BackfillOrdersCountQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type BackfillOrdersCountQuery = { ordersCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>> };

export type FlowTriggerReceiveMutationVariables = AdminTypes.Exact<{
  handle: AdminTypes.Scalars['String']['input'];
  payload: AdminTypes.Scalars['JSON']['input'];
}>;


export type FlowTriggerReceiveMutation = { flowTriggerReceive?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MembershipProductSetMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ProductSetInput;
}>;


export type MembershipProductSetMutation = { productSet?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<(
      Pick<AdminTypes.Product, 'id'>
      & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ProductSetUserError, 'field' | 'message' | 'code'>> }> };

export type MembershipPlansCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.SellingPlanGroupInput;
  resources?: AdminTypes.InputMaybe<AdminTypes.SellingPlanGroupResourceInput>;
}>;


export type MembershipPlansCreateMutation = { sellingPlanGroupCreate?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<(
      Pick<AdminTypes.SellingPlanGroup, 'id'>
      & { sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id' | 'options'>> } }
    )>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type MembershipDiscountCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountAutomaticBasicInput;
}>;


export type MembershipDiscountCreateMutation = { discountAutomaticBasicCreate?: AdminTypes.Maybe<{ automaticDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountAutomaticNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type MembershipDiscountUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  discount: AdminTypes.DiscountAutomaticBasicInput;
}>;


export type MembershipDiscountUpdateMutation = { discountAutomaticBasicUpdate?: AdminTypes.Maybe<{ automaticDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountAutomaticNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type MemberTagsAddMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  tags: Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input'];
}>;


export type MemberTagsAddMutation = { tagsAdd?: AdminTypes.Maybe<{ node?: AdminTypes.Maybe<Pick<AdminTypes.AbandonedCheckout, 'id'> | Pick<AdminTypes.AbandonedCheckoutLineItem, 'id'> | Pick<AdminTypes.Abandonment, 'id'> | Pick<AdminTypes.AddAllProductsOperation, 'id'> | Pick<AdminTypes.AdditionalFee, 'id'> | Pick<AdminTypes.AnalyticsAnnotation, 'id'> | Pick<AdminTypes.AnalyticsTarget, 'id'> | Pick<AdminTypes.App, 'id'> | Pick<AdminTypes.AppCatalog, 'id'> | Pick<AdminTypes.AppCredit, 'id'> | Pick<AdminTypes.AppInstallation, 'id'> | Pick<AdminTypes.AppPurchaseOneTime, 'id'> | Pick<AdminTypes.AppRevenueAttributionRecord, 'id'> | Pick<AdminTypes.AppSubscription, 'id'> | Pick<AdminTypes.AppUsageRecord, 'id'> | Pick<AdminTypes.Article, 'id'> | Pick<AdminTypes.BasicEvent, 'id'> | Pick<AdminTypes.Blog, 'id'> | Pick<AdminTypes.BulkOperation, 'id'> | Pick<AdminTypes.BusinessEntity, 'id'> | Pick<AdminTypes.CalculatedOrder, 'id'> | Pick<AdminTypes.CartTransform, 'id'> | Pick<AdminTypes.CashDrawer, 'id'> | Pick<AdminTypes.CashManagementCustomReasonCode, 'id'> | Pick<AdminTypes.CashManagementDefaultReasonCode, 'id'> | Pick<AdminTypes.CashManagementSystemReasonCode, 'id'> | Pick<AdminTypes.CashTrackingAdjustment, 'id'> | Pick<AdminTypes.CashTrackingSession, 'id'> | Pick<AdminTypes.CatalogCsvOperation, 'id'> | Pick<AdminTypes.Channel, 'id'> | Pick<AdminTypes.ChannelDefinition, 'id'> | Pick<AdminTypes.ChannelInformation, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfiguration, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfigurationOverride, 'id'> | Pick<AdminTypes.CheckoutProfile, 'id'> | Pick<AdminTypes.Collection, 'id'> | Pick<AdminTypes.CollectionConditionsSource, 'id'> | Pick<AdminTypes.CollectionSubCollectionsSource, 'id'> | Pick<AdminTypes.Comment, 'id'> | Pick<AdminTypes.CommentEvent, 'id'> | Pick<AdminTypes.Company, 'id'> | Pick<AdminTypes.CompanyAddress, 'id'> | Pick<AdminTypes.CompanyContact, 'id'> | Pick<AdminTypes.CompanyContactRole, 'id'> | Pick<AdminTypes.CompanyContactRoleAssignment, 'id'> | Pick<AdminTypes.CompanyLocation, 'id'> | Pick<AdminTypes.CompanyLocationCatalog, 'id'> | Pick<AdminTypes.CompanyLocationStaffMemberAssignment, 'id'> | Pick<AdminTypes.ConsentPolicy, 'id'> | Pick<AdminTypes.CurrencyExchangeAdjustment, 'id'> | Pick<AdminTypes.Customer, 'id'> | Pick<AdminTypes.CustomerAccountAppExtensionPage, 'id'> | Pick<AdminTypes.CustomerAccountNativePage, 'id'> | Pick<AdminTypes.CustomerPaymentMethod, 'id'> | Pick<AdminTypes.CustomerSegmentMembersQuery, 'id'> | Pick<AdminTypes.CustomerVisit, 'id'> | Pick<AdminTypes.DeliveryCarrierService, 'id'> | Pick<AdminTypes.DeliveryCondition, 'id'> | Pick<AdminTypes.DeliveryCountry, 'id'> | Pick<AdminTypes.DeliveryCustomization, 'id'> | Pick<AdminTypes.DeliveryLocationGroup, 'id'> | Pick<AdminTypes.DeliveryMethod, 'id'> | Pick<AdminTypes.DeliveryMethodDefinition, 'id'> | Pick<AdminTypes.DeliveryParticipant, 'id'> | Pick<AdminTypes.DeliveryProfile, 'id'> | Pick<AdminTypes.DeliveryProfileItem, 'id'> | Pick<AdminTypes.DeliveryPromiseParticipant, 'id'> | Pick<AdminTypes.DeliveryPromiseProvider, 'id'> | Pick<AdminTypes.DeliveryProvince, 'id'> | Pick<AdminTypes.DeliveryRateDefinition, 'id'> | Pick<AdminTypes.DeliveryZone, 'id'> | Pick<AdminTypes.DiscountAutomaticBxgy, 'id'> | Pick<AdminTypes.DiscountAutomaticNode, 'id'> | Pick<AdminTypes.DiscountCodeNode, 'id'> | Pick<AdminTypes.DiscountNode, 'id'> | Pick<AdminTypes.DiscountRedeemCodeBulkCreation, 'id'> | Pick<AdminTypes.Domain, 'id'> | Pick<AdminTypes.DraftOrder, 'id'> | Pick<AdminTypes.DraftOrderLineItem, 'id'> | Pick<AdminTypes.DraftOrderTag, 'id'> | Pick<AdminTypes.Duty, 'id'> | Pick<AdminTypes.ExchangeLineItem, 'id'> | Pick<AdminTypes.ExternalVideo, 'id'> | Pick<AdminTypes.Fulfillment, 'id'> | Pick<AdminTypes.FulfillmentConstraintRule, 'id'> | Pick<AdminTypes.FulfillmentEvent, 'id'> | Pick<AdminTypes.FulfillmentHold, 'id'> | Pick<AdminTypes.FulfillmentLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrder, 'id'> | Pick<AdminTypes.FulfillmentOrderDestination, 'id'> | Pick<AdminTypes.FulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrderMerchantRequest, 'id'> | Pick<AdminTypes.GenericFile, 'id'> | Pick<AdminTypes.GiftCard, 'id'> | Pick<AdminTypes.GiftCardCashOutTransaction, 'id'> | Pick<AdminTypes.GiftCardCreditTransaction, 'id'> | Pick<AdminTypes.GiftCardDebitTransaction, 'id'> | Pick<AdminTypes.IdentityProviderSubject, 'id'> | Pick<AdminTypes.InventoryAdjustmentGroup, 'id'> | Pick<AdminTypes.InventoryItem, 'id'> | Pick<AdminTypes.InventoryItemMeasurement, 'id'> | Pick<AdminTypes.InventoryLevel, 'id'> | Pick<AdminTypes.InventoryQuantity, 'id'> | Pick<AdminTypes.InventoryShipment, 'id'> | Pick<AdminTypes.InventoryShipmentLineItem, 'id'> | Pick<AdminTypes.InventoryTransfer, 'id'> | Pick<AdminTypes.InventoryTransferLineItem, 'id'> | Pick<AdminTypes.LineItem, 'id'> | Pick<AdminTypes.LineItemGroup, 'id'> | Pick<AdminTypes.Location, 'id'> | Pick<AdminTypes.MailingAddress, 'id'> | Pick<AdminTypes.Market, 'id'> | Pick<AdminTypes.MarketCatalog, 'id'> | Pick<AdminTypes.MarketRegionCountry, 'id'> | Pick<AdminTypes.MarketRegionSubdivision, 'id'> | Pick<AdminTypes.MarketWebPresence, 'id'> | Pick<AdminTypes.MarketingActivity, 'id'> | Pick<AdminTypes.MarketingEvent, 'id'> | Pick<AdminTypes.MediaImage, 'id'> | Pick<AdminTypes.Menu, 'id'> | Pick<AdminTypes.Metafield, 'id'> | Pick<AdminTypes.MetafieldDefinition, 'id'> | Pick<AdminTypes.Metaobject, 'id'> | Pick<AdminTypes.MetaobjectDefinition, 'id'> | Pick<AdminTypes.Model3d, 'id'> | Pick<AdminTypes.OnlineStoreTheme, 'id'> | Pick<AdminTypes.Order, 'id'> | Pick<AdminTypes.OrderAdjustment, 'id'> | Pick<AdminTypes.OrderAttributionDefinition, 'id'> | Pick<AdminTypes.OrderCancelJobResult, 'id'> | Pick<AdminTypes.OrderCreateMandatePaymentJobResult, 'id'> | Pick<AdminTypes.OrderDisputeSummary, 'id'> | Pick<AdminTypes.OrderEditSession, 'id'> | Pick<AdminTypes.OrderTransaction, 'id'> | Pick<AdminTypes.Page, 'id'> | Pick<AdminTypes.PaymentCustomization, 'id'> | Pick<AdminTypes.PaymentMandate, 'id'> | Pick<AdminTypes.PaymentSchedule, 'id'> | Pick<AdminTypes.PaymentTerms, 'id'> | Pick<AdminTypes.PaymentTermsTemplate, 'id'> | Pick<AdminTypes.PointOfSaleDevice, 'id'> | Pick<AdminTypes.PointOfSaleDevicePaymentSession, 'id'> | Pick<AdminTypes.PriceList, 'id'> | Pick<AdminTypes.Product, 'id'> | Pick<AdminTypes.ProductBundleOperation, 'id'> | Pick<AdminTypes.ProductDeleteOperation, 'id'> | Pick<AdminTypes.ProductDuplicateOperation, 'id'> | Pick<AdminTypes.ProductFeed, 'id'> | Pick<AdminTypes.ProductOption, 'id'> | Pick<AdminTypes.ProductOptionValue, 'id'> | Pick<AdminTypes.ProductSetOperation, 'id'> | Pick<AdminTypes.ProductTaxonomyNode, 'id'> | Pick<AdminTypes.ProductVariant, 'id'> | Pick<AdminTypes.ProductVariantComponent, 'id'> | Pick<AdminTypes.Publication, 'id'> | Pick<AdminTypes.PublicationResourceOperation, 'id'> | Pick<AdminTypes.QuantityPriceBreak, 'id'> | Pick<AdminTypes.Refund, 'id'> | Pick<AdminTypes.RefundShippingLine, 'id'> | Pick<AdminTypes.Return, 'id'> | Pick<AdminTypes.ReturnLineItem, 'id'> | Pick<AdminTypes.ReturnReasonDefinition, 'id'> | Pick<AdminTypes.ReturnableFulfillment, 'id'> | Pick<AdminTypes.ReverseDelivery, 'id'> | Pick<AdminTypes.ReverseDeliveryLineItem, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrder, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderDisposition, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.SaleAdditionalFee, 'id'> | Pick<AdminTypes.SavedSearch, 'id'> | Pick<AdminTypes.ScriptTag, 'id'> | Pick<AdminTypes.Segment, 'id'> | Pick<AdminTypes.SellingPlan, 'id'> | Pick<AdminTypes.SellingPlanGroup, 'id'> | Pick<AdminTypes.ServerPixel, 'id'> | Pick<AdminTypes.ShippingLabel, 'id'> | Pick<AdminTypes.ShippingLabelPurchaseResult, 'id'> | Pick<AdminTypes.Shop, 'id'> | Pick<AdminTypes.ShopAddress, 'id'> | Pick<AdminTypes.ShopPolicy, 'id'> | Pick<AdminTypes.ShopifyPaymentsAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, 'id'> | Pick<AdminTypes.ShopifyPaymentsBankAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsDispute, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeEvidence, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFileUpload, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFulfillment, 'id'> | Pick<AdminTypes.ShopifyPaymentsPayout, 'id'> | Pick<AdminTypes.StaffMember, 'id'> | Pick<AdminTypes.StandardMetafieldDefinitionTemplate, 'id'> | Pick<AdminTypes.StoreCreditAccount, 'id'> | Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id'> | Pick<AdminTypes.StorefrontAccessToken, 'id'> | Pick<AdminTypes.SubscriptionBillingAttempt, 'id'> | Pick<AdminTypes.SubscriptionContract, 'id'> | Pick<AdminTypes.SubscriptionDraft, 'id'> | Pick<AdminTypes.TaxonomyAttribute, 'id'> | Pick<AdminTypes.TaxonomyCategory, 'id'> | Pick<AdminTypes.TaxonomyChoiceListAttribute, 'id'> | Pick<AdminTypes.TaxonomyMeasurementAttribute, 'id'> | Pick<AdminTypes.TaxonomyValue, 'id'> | Pick<AdminTypes.TenderTransaction, 'id'> | Pick<AdminTypes.TransactionFee, 'id'> | Pick<AdminTypes.UnverifiedReturnLineItem, 'id'> | Pick<AdminTypes.UrlRedirect, 'id'> | Pick<AdminTypes.UrlRedirectImport, 'id'> | Pick<AdminTypes.Validation, 'id'> | Pick<AdminTypes.Video, 'id'> | Pick<AdminTypes.WebPixel, 'id'> | Pick<AdminTypes.WebhookSubscription, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type MemberTagsRemoveMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  tags: Array<AdminTypes.Scalars['String']['input']> | AdminTypes.Scalars['String']['input'];
}>;


export type MemberTagsRemoveMutation = { tagsRemove?: AdminTypes.Maybe<{ node?: AdminTypes.Maybe<Pick<AdminTypes.AbandonedCheckout, 'id'> | Pick<AdminTypes.AbandonedCheckoutLineItem, 'id'> | Pick<AdminTypes.Abandonment, 'id'> | Pick<AdminTypes.AddAllProductsOperation, 'id'> | Pick<AdminTypes.AdditionalFee, 'id'> | Pick<AdminTypes.AnalyticsAnnotation, 'id'> | Pick<AdminTypes.AnalyticsTarget, 'id'> | Pick<AdminTypes.App, 'id'> | Pick<AdminTypes.AppCatalog, 'id'> | Pick<AdminTypes.AppCredit, 'id'> | Pick<AdminTypes.AppInstallation, 'id'> | Pick<AdminTypes.AppPurchaseOneTime, 'id'> | Pick<AdminTypes.AppRevenueAttributionRecord, 'id'> | Pick<AdminTypes.AppSubscription, 'id'> | Pick<AdminTypes.AppUsageRecord, 'id'> | Pick<AdminTypes.Article, 'id'> | Pick<AdminTypes.BasicEvent, 'id'> | Pick<AdminTypes.Blog, 'id'> | Pick<AdminTypes.BulkOperation, 'id'> | Pick<AdminTypes.BusinessEntity, 'id'> | Pick<AdminTypes.CalculatedOrder, 'id'> | Pick<AdminTypes.CartTransform, 'id'> | Pick<AdminTypes.CashDrawer, 'id'> | Pick<AdminTypes.CashManagementCustomReasonCode, 'id'> | Pick<AdminTypes.CashManagementDefaultReasonCode, 'id'> | Pick<AdminTypes.CashManagementSystemReasonCode, 'id'> | Pick<AdminTypes.CashTrackingAdjustment, 'id'> | Pick<AdminTypes.CashTrackingSession, 'id'> | Pick<AdminTypes.CatalogCsvOperation, 'id'> | Pick<AdminTypes.Channel, 'id'> | Pick<AdminTypes.ChannelDefinition, 'id'> | Pick<AdminTypes.ChannelInformation, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfiguration, 'id'> | Pick<AdminTypes.CheckoutAndAccountsConfigurationOverride, 'id'> | Pick<AdminTypes.CheckoutProfile, 'id'> | Pick<AdminTypes.Collection, 'id'> | Pick<AdminTypes.CollectionConditionsSource, 'id'> | Pick<AdminTypes.CollectionSubCollectionsSource, 'id'> | Pick<AdminTypes.Comment, 'id'> | Pick<AdminTypes.CommentEvent, 'id'> | Pick<AdminTypes.Company, 'id'> | Pick<AdminTypes.CompanyAddress, 'id'> | Pick<AdminTypes.CompanyContact, 'id'> | Pick<AdminTypes.CompanyContactRole, 'id'> | Pick<AdminTypes.CompanyContactRoleAssignment, 'id'> | Pick<AdminTypes.CompanyLocation, 'id'> | Pick<AdminTypes.CompanyLocationCatalog, 'id'> | Pick<AdminTypes.CompanyLocationStaffMemberAssignment, 'id'> | Pick<AdminTypes.ConsentPolicy, 'id'> | Pick<AdminTypes.CurrencyExchangeAdjustment, 'id'> | Pick<AdminTypes.Customer, 'id'> | Pick<AdminTypes.CustomerAccountAppExtensionPage, 'id'> | Pick<AdminTypes.CustomerAccountNativePage, 'id'> | Pick<AdminTypes.CustomerPaymentMethod, 'id'> | Pick<AdminTypes.CustomerSegmentMembersQuery, 'id'> | Pick<AdminTypes.CustomerVisit, 'id'> | Pick<AdminTypes.DeliveryCarrierService, 'id'> | Pick<AdminTypes.DeliveryCondition, 'id'> | Pick<AdminTypes.DeliveryCountry, 'id'> | Pick<AdminTypes.DeliveryCustomization, 'id'> | Pick<AdminTypes.DeliveryLocationGroup, 'id'> | Pick<AdminTypes.DeliveryMethod, 'id'> | Pick<AdminTypes.DeliveryMethodDefinition, 'id'> | Pick<AdminTypes.DeliveryParticipant, 'id'> | Pick<AdminTypes.DeliveryProfile, 'id'> | Pick<AdminTypes.DeliveryProfileItem, 'id'> | Pick<AdminTypes.DeliveryPromiseParticipant, 'id'> | Pick<AdminTypes.DeliveryPromiseProvider, 'id'> | Pick<AdminTypes.DeliveryProvince, 'id'> | Pick<AdminTypes.DeliveryRateDefinition, 'id'> | Pick<AdminTypes.DeliveryZone, 'id'> | Pick<AdminTypes.DiscountAutomaticBxgy, 'id'> | Pick<AdminTypes.DiscountAutomaticNode, 'id'> | Pick<AdminTypes.DiscountCodeNode, 'id'> | Pick<AdminTypes.DiscountNode, 'id'> | Pick<AdminTypes.DiscountRedeemCodeBulkCreation, 'id'> | Pick<AdminTypes.Domain, 'id'> | Pick<AdminTypes.DraftOrder, 'id'> | Pick<AdminTypes.DraftOrderLineItem, 'id'> | Pick<AdminTypes.DraftOrderTag, 'id'> | Pick<AdminTypes.Duty, 'id'> | Pick<AdminTypes.ExchangeLineItem, 'id'> | Pick<AdminTypes.ExternalVideo, 'id'> | Pick<AdminTypes.Fulfillment, 'id'> | Pick<AdminTypes.FulfillmentConstraintRule, 'id'> | Pick<AdminTypes.FulfillmentEvent, 'id'> | Pick<AdminTypes.FulfillmentHold, 'id'> | Pick<AdminTypes.FulfillmentLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrder, 'id'> | Pick<AdminTypes.FulfillmentOrderDestination, 'id'> | Pick<AdminTypes.FulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.FulfillmentOrderMerchantRequest, 'id'> | Pick<AdminTypes.GenericFile, 'id'> | Pick<AdminTypes.GiftCard, 'id'> | Pick<AdminTypes.GiftCardCashOutTransaction, 'id'> | Pick<AdminTypes.GiftCardCreditTransaction, 'id'> | Pick<AdminTypes.GiftCardDebitTransaction, 'id'> | Pick<AdminTypes.IdentityProviderSubject, 'id'> | Pick<AdminTypes.InventoryAdjustmentGroup, 'id'> | Pick<AdminTypes.InventoryItem, 'id'> | Pick<AdminTypes.InventoryItemMeasurement, 'id'> | Pick<AdminTypes.InventoryLevel, 'id'> | Pick<AdminTypes.InventoryQuantity, 'id'> | Pick<AdminTypes.InventoryShipment, 'id'> | Pick<AdminTypes.InventoryShipmentLineItem, 'id'> | Pick<AdminTypes.InventoryTransfer, 'id'> | Pick<AdminTypes.InventoryTransferLineItem, 'id'> | Pick<AdminTypes.LineItem, 'id'> | Pick<AdminTypes.LineItemGroup, 'id'> | Pick<AdminTypes.Location, 'id'> | Pick<AdminTypes.MailingAddress, 'id'> | Pick<AdminTypes.Market, 'id'> | Pick<AdminTypes.MarketCatalog, 'id'> | Pick<AdminTypes.MarketRegionCountry, 'id'> | Pick<AdminTypes.MarketRegionSubdivision, 'id'> | Pick<AdminTypes.MarketWebPresence, 'id'> | Pick<AdminTypes.MarketingActivity, 'id'> | Pick<AdminTypes.MarketingEvent, 'id'> | Pick<AdminTypes.MediaImage, 'id'> | Pick<AdminTypes.Menu, 'id'> | Pick<AdminTypes.Metafield, 'id'> | Pick<AdminTypes.MetafieldDefinition, 'id'> | Pick<AdminTypes.Metaobject, 'id'> | Pick<AdminTypes.MetaobjectDefinition, 'id'> | Pick<AdminTypes.Model3d, 'id'> | Pick<AdminTypes.OnlineStoreTheme, 'id'> | Pick<AdminTypes.Order, 'id'> | Pick<AdminTypes.OrderAdjustment, 'id'> | Pick<AdminTypes.OrderAttributionDefinition, 'id'> | Pick<AdminTypes.OrderCancelJobResult, 'id'> | Pick<AdminTypes.OrderCreateMandatePaymentJobResult, 'id'> | Pick<AdminTypes.OrderDisputeSummary, 'id'> | Pick<AdminTypes.OrderEditSession, 'id'> | Pick<AdminTypes.OrderTransaction, 'id'> | Pick<AdminTypes.Page, 'id'> | Pick<AdminTypes.PaymentCustomization, 'id'> | Pick<AdminTypes.PaymentMandate, 'id'> | Pick<AdminTypes.PaymentSchedule, 'id'> | Pick<AdminTypes.PaymentTerms, 'id'> | Pick<AdminTypes.PaymentTermsTemplate, 'id'> | Pick<AdminTypes.PointOfSaleDevice, 'id'> | Pick<AdminTypes.PointOfSaleDevicePaymentSession, 'id'> | Pick<AdminTypes.PriceList, 'id'> | Pick<AdminTypes.Product, 'id'> | Pick<AdminTypes.ProductBundleOperation, 'id'> | Pick<AdminTypes.ProductDeleteOperation, 'id'> | Pick<AdminTypes.ProductDuplicateOperation, 'id'> | Pick<AdminTypes.ProductFeed, 'id'> | Pick<AdminTypes.ProductOption, 'id'> | Pick<AdminTypes.ProductOptionValue, 'id'> | Pick<AdminTypes.ProductSetOperation, 'id'> | Pick<AdminTypes.ProductTaxonomyNode, 'id'> | Pick<AdminTypes.ProductVariant, 'id'> | Pick<AdminTypes.ProductVariantComponent, 'id'> | Pick<AdminTypes.Publication, 'id'> | Pick<AdminTypes.PublicationResourceOperation, 'id'> | Pick<AdminTypes.QuantityPriceBreak, 'id'> | Pick<AdminTypes.Refund, 'id'> | Pick<AdminTypes.RefundShippingLine, 'id'> | Pick<AdminTypes.Return, 'id'> | Pick<AdminTypes.ReturnLineItem, 'id'> | Pick<AdminTypes.ReturnReasonDefinition, 'id'> | Pick<AdminTypes.ReturnableFulfillment, 'id'> | Pick<AdminTypes.ReverseDelivery, 'id'> | Pick<AdminTypes.ReverseDeliveryLineItem, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrder, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderDisposition, 'id'> | Pick<AdminTypes.ReverseFulfillmentOrderLineItem, 'id'> | Pick<AdminTypes.SaleAdditionalFee, 'id'> | Pick<AdminTypes.SavedSearch, 'id'> | Pick<AdminTypes.ScriptTag, 'id'> | Pick<AdminTypes.Segment, 'id'> | Pick<AdminTypes.SellingPlan, 'id'> | Pick<AdminTypes.SellingPlanGroup, 'id'> | Pick<AdminTypes.ServerPixel, 'id'> | Pick<AdminTypes.ShippingLabel, 'id'> | Pick<AdminTypes.ShippingLabelPurchaseResult, 'id'> | Pick<AdminTypes.Shop, 'id'> | Pick<AdminTypes.ShopAddress, 'id'> | Pick<AdminTypes.ShopPolicy, 'id'> | Pick<AdminTypes.ShopifyPaymentsAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsBalanceTransaction, 'id'> | Pick<AdminTypes.ShopifyPaymentsBankAccount, 'id'> | Pick<AdminTypes.ShopifyPaymentsDispute, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeEvidence, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFileUpload, 'id'> | Pick<AdminTypes.ShopifyPaymentsDisputeFulfillment, 'id'> | Pick<AdminTypes.ShopifyPaymentsPayout, 'id'> | Pick<AdminTypes.StaffMember, 'id'> | Pick<AdminTypes.StandardMetafieldDefinitionTemplate, 'id'> | Pick<AdminTypes.StoreCreditAccount, 'id'> | Pick<AdminTypes.StoreCreditAccountCreditTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitRevertTransaction, 'id'> | Pick<AdminTypes.StoreCreditAccountDebitTransaction, 'id'> | Pick<AdminTypes.StorefrontAccessToken, 'id'> | Pick<AdminTypes.SubscriptionBillingAttempt, 'id'> | Pick<AdminTypes.SubscriptionContract, 'id'> | Pick<AdminTypes.SubscriptionDraft, 'id'> | Pick<AdminTypes.TaxonomyAttribute, 'id'> | Pick<AdminTypes.TaxonomyCategory, 'id'> | Pick<AdminTypes.TaxonomyChoiceListAttribute, 'id'> | Pick<AdminTypes.TaxonomyMeasurementAttribute, 'id'> | Pick<AdminTypes.TaxonomyValue, 'id'> | Pick<AdminTypes.TenderTransaction, 'id'> | Pick<AdminTypes.TransactionFee, 'id'> | Pick<AdminTypes.UnverifiedReturnLineItem, 'id'> | Pick<AdminTypes.UrlRedirect, 'id'> | Pick<AdminTypes.UrlRedirectImport, 'id'> | Pick<AdminTypes.Validation, 'id'> | Pick<AdminTypes.Video, 'id'> | Pick<AdminTypes.WebPixel, 'id'> | Pick<AdminTypes.WebhookSubscription, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ImportCustomersQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ImportCustomersQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Customer, 'id'>
    & { paymentMethods: { nodes: Array<Pick<AdminTypes.CustomerPaymentMethod, 'id'>> } }
  )>> };

export type ImportVariantsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ImportVariantsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id'>
    & { product: Pick<AdminTypes.Product, 'status'> }
  )>> };

export type ImportCustomerContractsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ImportCustomerContractsQuery = { customer?: AdminTypes.Maybe<{ subscriptionContracts: { nodes: Array<(
        Pick<AdminTypes.SubscriptionContract, 'id'>
        & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>> }
      )> } }> };

export type PublishedThemeFilesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type PublishedThemeFilesQuery = { themes?: AdminTypes.Maybe<{ nodes: Array<(
      Pick<AdminTypes.OnlineStoreTheme, 'id'>
      & { files?: AdminTypes.Maybe<{ nodes: Array<(
          Pick<AdminTypes.OnlineStoreThemeFile, 'filename'>
          & { body: Pick<AdminTypes.OnlineStoreThemeFileBodyText, 'content'> }
        )> }> }
    )> }> };

export type RecentOrderLinesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type RecentOrderLinesQuery = { orders: { nodes: Array<{ customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'quantity'>
          & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title'>> }
        )> } }> } };

export type ShopCheckoutPlanQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopCheckoutPlanQuery = { shop: { plan: Pick<AdminTypes.ShopPlan, 'shopifyPlus'> } };

export type OfferProductTitlesQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type OfferProductTitlesQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title'>>> };

export type ProtectionProductSetMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ProductSetInput;
}>;


export type ProtectionProductSetMutation = { productSet?: AdminTypes.Maybe<{ product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, userErrors: Array<Pick<AdminTypes.ProductSetUserError, 'field' | 'message' | 'code'>> }> };

export type ProtectionProductVariantsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProtectionProductVariantsQuery = { product?: AdminTypes.Maybe<{ variants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id' | 'sku'>
        & { inventoryItem: Pick<AdminTypes.InventoryItem, 'requiresShipping'> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type ReferralDiscountCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountCodeBasicInput;
}>;


export type ReferralDiscountCreateMutation = { discountCodeBasicCreate?: AdminTypes.Maybe<{ codeDiscountNode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>>, userErrors: Array<Pick<AdminTypes.DiscountUserError, 'field' | 'message' | 'code'>> }> };

export type ReferralDiscountByCodeQueryVariables = AdminTypes.Exact<{
  code: AdminTypes.Scalars['String']['input'];
}>;


export type ReferralDiscountByCodeQuery = { codeDiscountNodeByCode?: AdminTypes.Maybe<Pick<AdminTypes.DiscountCodeNode, 'id'>> };

export type ReminderProductsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ReminderProductsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'handle' | 'status'>
    & { sellingPlanGroups: { nodes: Array<{ sellingPlans: { nodes: Array<(
            Pick<AdminTypes.SellingPlan, 'id'>
            & { pricingPolicies: Array<{ adjustmentValue: Pick<AdminTypes.SellingPlanPricingPolicyPercentageValue, 'percentage'> }> }
          )> } }> } }
  )>> };

export type ProductCollectionIdsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type ProductCollectionIdsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id'>
    & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'id'>> } }
  )>> };

export type PastBuyerOrdersQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type PastBuyerOrdersQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'processedAt' | 'cancelledAt' | 'displayFinancialStatus' | 'currencyCode'>
      & { customer?: AdminTypes.Maybe<(
        Pick<AdminTypes.Customer, 'id' | 'firstName' | 'locale'>
        & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress' | 'marketingState'>> }
      )>, lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'title' | 'variantTitle' | 'currentQuantity'>
          & { sellingPlan?: AdminTypes.Maybe<Pick<AdminTypes.LineItemSellingPlan, 'sellingPlanId'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>> }
        )> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type LedgerProductFactsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type LedgerProductFactsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'tags'>
    & { collections: { nodes: Array<Pick<AdminTypes.Collection, 'id'>> } }
  )>> };

export type AppDataInstallationQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type AppDataInstallationQuery = { currentAppInstallation: Pick<AdminTypes.AppInstallation, 'id'> };

export type AppDataMetafieldsSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type AppDataMetafieldsSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }> };

export type SalesChannelPublicationsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type SalesChannelPublicationsQuery = { publications: { nodes: Array<(
      Pick<AdminTypes.Publication, 'id'>
      & { catalog?: AdminTypes.Maybe<Pick<AdminTypes.AppCatalog, 'title'> | Pick<AdminTypes.CompanyLocationCatalog, 'title'> | Pick<AdminTypes.MarketCatalog, 'title'>> }
    )> } };

export type OnlineStorePublishMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  publicationId: AdminTypes.Scalars['ID']['input'];
}>;


export type OnlineStorePublishMutation = { publishablePublish?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type ProductVariantsNotShippedMutationVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
  variants: Array<AdminTypes.ProductVariantsBulkInput> | AdminTypes.ProductVariantsBulkInput;
}>;


export type ProductVariantsNotShippedMutation = { productVariantsBulkUpdate?: AdminTypes.Maybe<{ productVariants?: AdminTypes.Maybe<Array<Pick<AdminTypes.ProductVariant, 'id'>>>, userErrors: Array<Pick<AdminTypes.ProductVariantsBulkUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ShopCollectionsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopCollectionsQuery = { collections: { nodes: Array<Pick<AdminTypes.Collection, 'id' | 'title'>> } };

export type ShopInfoQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopInfoQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'email' | 'contactEmail' | 'ianaTimezone' | 'currencyCode' | 'url'> };

export type StoreOverviewQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type StoreOverviewQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'currencyCode' | 'ianaTimezone'>, productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, collectionsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>> };

export type BillingAttemptCreateMutationVariables = AdminTypes.Exact<{
  contractId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SubscriptionBillingAttemptInput;
}>;


export type BillingAttemptCreateMutation = { subscriptionBillingAttemptCreate?: AdminTypes.Maybe<{ subscriptionBillingAttempt?: AdminTypes.Maybe<(
      Pick<AdminTypes.SubscriptionBillingAttempt, 'id'>
      & { state: { __typename: 'SubscriptionBillingAttemptActionRequiredState' | 'SubscriptionBillingAttemptFailedState' | 'SubscriptionBillingAttemptPendingState' | 'SubscriptionBillingAttemptSuccessState' } }
    )>, userErrors: Array<Pick<AdminTypes.BillingAttemptUserError, 'field' | 'message' | 'code'>> }> };

export type BillingAttemptActionQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BillingAttemptActionQuery = { subscriptionBillingAttempt?: AdminTypes.Maybe<{ state: (
      { __typename: 'SubscriptionBillingAttemptActionRequiredState' }
      & { action: (
        { __typename: 'SubscriptionBillingAttemptPaymentChallenge' }
        & Pick<AdminTypes.SubscriptionBillingAttemptPaymentChallenge, 'nextActionUrl'>
      ) }
    ) | { __typename: 'SubscriptionBillingAttemptFailedState' | 'SubscriptionBillingAttemptPendingState' | 'SubscriptionBillingAttemptSuccessState' } }> };

export type ContractPauseMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractPauseMutation = { subscriptionContractPause?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.SubscriptionContractStatusUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ContractActivateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractActivateMutation = { subscriptionContractActivate?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.SubscriptionContractStatusUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ContractExpireMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractExpireMutation = { subscriptionContractExpire?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.SubscriptionContractStatusUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ContractCancelMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractCancelMutation = { subscriptionContractCancel?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'status'>>, userErrors: Array<Pick<AdminTypes.SubscriptionContractStatusUpdateUserError, 'field' | 'message' | 'code'>> }> };

export type ContractDraftOpenMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractDraftOpenMutation = { subscriptionContractUpdate?: AdminTypes.Maybe<{ draft?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionDraft, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftUpdateMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SubscriptionDraftInput;
}>;


export type DraftUpdateMutation = { subscriptionDraftUpdate?: AdminTypes.Maybe<{ draft?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionDraft, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftLineUpdateMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  lineId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SubscriptionLineUpdateInput;
}>;


export type DraftLineUpdateMutation = { subscriptionDraftLineUpdate?: AdminTypes.Maybe<{ lineUpdated?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionLine, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftLineAddMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SubscriptionLineInput;
}>;


export type DraftLineAddMutation = { subscriptionDraftLineAdd?: AdminTypes.Maybe<{ lineAdded?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionLine, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftLineRemoveMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  lineId: AdminTypes.Scalars['ID']['input'];
}>;


export type DraftLineRemoveMutation = { subscriptionDraftLineRemove?: AdminTypes.Maybe<{ lineRemoved?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionLine, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftDiscountAddMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SubscriptionManualDiscountInput;
}>;


export type DraftDiscountAddMutation = { subscriptionDraftDiscountAdd?: AdminTypes.Maybe<{ discountAdded?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionManualDiscount, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftDiscountRemoveMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
  discountId: AdminTypes.Scalars['ID']['input'];
}>;


export type DraftDiscountRemoveMutation = { subscriptionDraftDiscountRemove?: AdminTypes.Maybe<{ discountRemoved?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionManualDiscount, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type DraftCommitMutationVariables = AdminTypes.Exact<{
  draftId: AdminTypes.Scalars['ID']['input'];
}>;


export type DraftCommitMutation = { subscriptionDraftCommit?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'revisionId'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type PaymentMethodSendUpdateEmailMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PaymentMethodSendUpdateEmailMutation = { customerPaymentMethodSendUpdateEmail?: AdminTypes.Maybe<{ customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type LineAlternativesQueryVariables = AdminTypes.Exact<{
  productId: AdminTypes.Scalars['ID']['input'];
}>;


export type LineAlternativesQuery = { product?: AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title'>
    & { variants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'availableForSale'>
        & { sellingPlanGroups: { nodes: Array<Pick<AdminTypes.SellingPlanGroup, 'id'>> } }
      )> }, sellingPlanGroups: { nodes: Array<(
        Pick<AdminTypes.SellingPlanGroup, 'id'>
        & { sellingPlans: { nodes: Array<(
            Pick<AdminTypes.SellingPlan, 'id' | 'name'>
            & { billingPolicy: Pick<AdminTypes.SellingPlanRecurringBillingPolicy, 'interval' | 'intervalCount'>, deliveryPolicy: Pick<AdminTypes.SellingPlanRecurringDeliveryPolicy, 'interval' | 'intervalCount'>, pricingPolicies: Array<(
              Pick<AdminTypes.SellingPlanFixedPricingPolicy, 'adjustmentType'>
              & { adjustmentValue: Pick<AdminTypes.MoneyV2, 'amount'> | Pick<AdminTypes.SellingPlanPricingPolicyPercentageValue, 'percentage'> }
            ) | (
              Pick<AdminTypes.SellingPlanRecurringPricingPolicy, 'afterCycle' | 'adjustmentType'>
              & { adjustmentValue: Pick<AdminTypes.MoneyV2, 'amount'> | Pick<AdminTypes.SellingPlanPricingPolicyPercentageValue, 'percentage'> }
            )> }
          )> } }
      )> } }
  )> };

export type ContractAtomicCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.SubscriptionContractAtomicCreateInput;
}>;


export type ContractAtomicCreateMutation = { subscriptionContractAtomicCreate?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id'>>, userErrors: Array<Pick<AdminTypes.SubscriptionDraftUserError, 'field' | 'message' | 'code'>> }> };

export type OneTimeProductsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type OneTimeProductsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Product, 'id' | 'title' | 'status'>
    & { variants: { nodes: Array<Pick<AdminTypes.ProductVariant, 'id' | 'title' | 'price' | 'availableForSale'>> } }
  )>> };

export type ContractDiscountsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type ContractDiscountsQuery = { subscriptionContract?: AdminTypes.Maybe<{ discounts: { nodes: Array<Pick<AdminTypes.SubscriptionManualDiscount, 'id' | 'title'>> } }> };

export type ContractDetailQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  linesAfter?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ContractDetailQuery = { subscriptionContract?: AdminTypes.Maybe<(
    Pick<AdminTypes.SubscriptionContract, 'id' | 'status' | 'currencyCode' | 'createdAt' | 'revisionId' | 'nextBillingDate'>
    & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id' | 'firstName' | 'displayName' | 'locale'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>> }
    )>, customerPaymentMethod?: AdminTypes.Maybe<(
      Pick<AdminTypes.CustomerPaymentMethod, 'id'>
      & { instrument?: AdminTypes.Maybe<{ __typename: 'BankAccount' } | (
        { __typename: 'CustomerCreditCard' }
        & Pick<AdminTypes.CustomerCreditCard, 'brand' | 'lastDigits' | 'expiryMonth' | 'expiryYear'>
      ) | (
        { __typename: 'CustomerPaypalBillingAgreement' }
        & Pick<AdminTypes.CustomerPaypalBillingAgreement, 'paypalAccountEmail'>
      ) | (
        { __typename: 'CustomerShopPayAgreement' }
        & Pick<AdminTypes.CustomerShopPayAgreement, 'lastDigits' | 'expiryMonth' | 'expiryYear'>
      )> }
    )>, deliveryMethod?: AdminTypes.Maybe<{ __typename: 'SubscriptionDeliveryMethodLocalDelivery' | 'SubscriptionDeliveryMethodPickup' } | (
      { __typename: 'SubscriptionDeliveryMethodShipping' }
      & { address: Pick<AdminTypes.MailingAddress, 'firstName' | 'lastName' | 'address1' | 'address2' | 'city' | 'province' | 'zip' | 'countryCodeV2'> }
    )>, originOrder?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'createdAt'>>, discounts: { nodes: Array<(
        Pick<AdminTypes.SubscriptionManualDiscount, 'title' | 'recurringCycleLimit' | 'usageCount'>
        & { value: (
          { __typename: 'SubscriptionDiscountFixedAmountValue' }
          & Pick<AdminTypes.SubscriptionDiscountFixedAmountValue, 'appliesOnEachItem'>
          & { amount: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
        ) | (
          { __typename: 'SubscriptionDiscountPercentageValue' }
          & Pick<AdminTypes.SubscriptionDiscountPercentageValue, 'percentage'>
        ) }
      )> }, billingPolicy: (
      Pick<AdminTypes.SubscriptionBillingPolicy, 'interval' | 'intervalCount' | 'minCycles' | 'maxCycles'>
      & { anchors: Array<Pick<AdminTypes.SellingPlanAnchor, 'type' | 'day'>> }
    ), deliveryPolicy: Pick<AdminTypes.SubscriptionDeliveryPolicy, 'interval' | 'intervalCount'>, lines: { nodes: Array<(
        Pick<AdminTypes.SubscriptionLine, 'id' | 'productId' | 'variantId' | 'title' | 'variantTitle' | 'quantity' | 'sellingPlanId' | 'sellingPlanName'>
        & { customAttributes: Array<Pick<AdminTypes.Attribute, 'key' | 'value'>>, currentPrice: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, pricingPolicy?: AdminTypes.Maybe<{ cycleDiscounts: Array<(
            Pick<AdminTypes.SubscriptionCyclePriceAdjustment, 'afterCycle'>
            & { computedPrice: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }
          )> }> }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }
  )> };

export type ContractSetNextBillingDateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  date: AdminTypes.Scalars['DateTime']['input'];
}>;


export type ContractSetNextBillingDateMutation = { subscriptionContractSetNextBillingDate?: AdminTypes.Maybe<{ contract?: AdminTypes.Maybe<Pick<AdminTypes.SubscriptionContract, 'id' | 'nextBillingDate' | 'revisionId'>>, userErrors: Array<Pick<AdminTypes.SubscriptionContractUserError, 'field' | 'message' | 'code'>> }> };

export type ShopLanguagesQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopLanguagesQuery = { shopLocales: Array<Pick<AdminTypes.ShopLocale, 'locale' | 'primary'>> };

export type PlanSellingPlanIdsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PlanSellingPlanIdsQuery = { sellingPlanGroup?: AdminTypes.Maybe<{ sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id'>> } }> };

export type PlanTranslatableContentQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PlanTranslatableContentQuery = { translatableResourcesByIds: { nodes: Array<(
      Pick<AdminTypes.TranslatableResource, 'resourceId'>
      & { translatableContent: Array<Pick<AdminTypes.TranslatableContent, 'key' | 'digest'>> }
    )> } };

export type TranslationsRegisterMutationVariables = AdminTypes.Exact<{
  resourceId: AdminTypes.Scalars['ID']['input'];
  translations: Array<AdminTypes.TranslationInput> | AdminTypes.TranslationInput;
}>;


export type TranslationsRegisterMutation = { translationsRegister?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.TranslationUserError, 'field' | 'message' | 'code'>> }> };

export type PlanCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.SellingPlanGroupInput;
  resources?: AdminTypes.InputMaybe<AdminTypes.SellingPlanGroupResourceInput>;
}>;


export type PlanCreateMutation = { sellingPlanGroupCreate?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<(
      Pick<AdminTypes.SellingPlanGroup, 'id'>
      & { productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>> }
    )>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PlanUpdateMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  input: AdminTypes.SellingPlanGroupInput;
}>;


export type PlanUpdateMutation = { sellingPlanGroupUpdate?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<Pick<AdminTypes.SellingPlanGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PlanDeleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PlanDeleteMutation = { sellingPlanGroupDelete?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroupDeletePayload, 'deletedSellingPlanGroupId'>
    & { userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }
  )> };

export type PlanAddProductsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  productIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PlanAddProductsMutation = { sellingPlanGroupAddProducts?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<Pick<AdminTypes.SellingPlanGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PlanRemoveProductsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  productIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PlanRemoveProductsMutation = { sellingPlanGroupRemoveProducts?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroupRemoveProductsPayload, 'removedProductIds'>
    & { userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }
  )> };

export type PlanAddVariantsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  variantIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PlanAddVariantsMutation = { sellingPlanGroupAddProductVariants?: AdminTypes.Maybe<{ sellingPlanGroup?: AdminTypes.Maybe<Pick<AdminTypes.SellingPlanGroup, 'id'>>, userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }> };

export type PlanRemoveVariantsMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  variantIds: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type PlanRemoveVariantsMutation = { sellingPlanGroupRemoveProductVariants?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroupRemoveProductVariantsPayload, 'removedProductVariantIds'>
    & { userErrors: Array<Pick<AdminTypes.SellingPlanGroupUserError, 'field' | 'message' | 'code'>> }
  )> };

export type PlanSummaryQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PlanSummaryQuery = { sellingPlanGroup?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroup, 'name'>
    & { productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, products: { nodes: Array<Pick<AdminTypes.Product, 'id'>> }, productVariants: { nodes: Array<{ product: Pick<AdminTypes.Product, 'id'> }> }, sellingPlans: { nodes: Array<Pick<AdminTypes.SellingPlan, 'id'>> } }
  )> };

export type PlanDetailQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type PlanDetailQuery = { sellingPlanGroup?: AdminTypes.Maybe<(
    Pick<AdminTypes.SellingPlanGroup, 'id' | 'name' | 'merchantCode' | 'description' | 'options'>
    & { productsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, products: { nodes: Array<Pick<AdminTypes.Product, 'id' | 'title' | 'status'>> }, productVariants: { nodes: Array<(
        Pick<AdminTypes.ProductVariant, 'id' | 'title'>
        & { product: Pick<AdminTypes.Product, 'id' | 'title' | 'status'> }
      )> }, sellingPlans: { nodes: Array<(
        Pick<AdminTypes.SellingPlan, 'id'>
        & { billingPolicy: Pick<AdminTypes.SellingPlanRecurringBillingPolicy, 'interval' | 'intervalCount' | 'minCycles' | 'maxCycles'>, deliveryPolicy: (
          Pick<AdminTypes.SellingPlanRecurringDeliveryPolicy, 'interval' | 'intervalCount'>
          & { anchors: Array<Pick<AdminTypes.SellingPlanAnchor, 'type' | 'day'>> }
        ), pricingPolicies: Array<(
          Pick<AdminTypes.SellingPlanFixedPricingPolicy, 'adjustmentType'>
          & { adjustmentValue: Pick<AdminTypes.MoneyV2, 'amount'> | Pick<AdminTypes.SellingPlanPricingPolicyPercentageValue, 'percentage'> }
        ) | (
          Pick<AdminTypes.SellingPlanRecurringPricingPolicy, 'afterCycle' | 'adjustmentType'>
          & { adjustmentValue: Pick<AdminTypes.MoneyV2, 'amount'> | Pick<AdminTypes.SellingPlanPricingPolicyPercentageValue, 'percentage'> }
        )> }
      )> } }
  )> };

export type ProductSearchQueryVariables = AdminTypes.Exact<{
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type ProductSearchQuery = { products: { nodes: Array<(
      Pick<AdminTypes.Product, 'id' | 'title' | 'status'>
      & { priceRangeV2: { minVariantPrice: Pick<AdminTypes.MoneyV2, 'amount'> } }
    )> } };

interface GeneratedQueryTypes {
  "#graphql\n  query CurrentAppPlan {\n    currentAppInstallation {\n      activeSubscriptions {\n        id\n        name\n        status\n        test\n        trialDays\n        createdAt\n      }\n    }\n    shop {\n      plan {\n        partnerDevelopment\n      }\n    }\n  }\n": {return: CurrentAppPlanQuery, variables: CurrentAppPlanQueryVariables},
  "#graphql\n  query BackfillHistory {\n    orders {\n      edges {\n        node {\n          id\n          name\n          createdAt\n          processedAt\n          updatedAt\n          cancelledAt\n          displayFinancialStatus\n          currencyCode\n          customer {\n            id\n          }\n          lineItems {\n            edges {\n              node {\n                id\n                title\n                quantity\n                refundableQuantity\n                originalUnitPriceSet {\n                  shopMoney {\n                    amount\n                  }\n                }\n                totalDiscountSet {\n                  shopMoney {\n                    amount\n                  }\n                }\n                sellingPlan {\n                  sellingPlanId\n                }\n                variant {\n                  id\n                }\n                product {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n    subscriptionContracts {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": {return: BackfillHistoryQuery, variables: BackfillHistoryQueryVariables},
  "#graphql\n  query BackfillOperation($id: ID!) {\n    node(id: $id) {\n      ... on BulkOperation {\n        id\n        status\n        errorCode\n        objectCount\n        rootObjectCount\n        url\n      }\n    }\n  }\n": {return: BackfillOperationQuery, variables: BackfillOperationQueryVariables},
  "#graphql\n  query BackfillOrdersCount {\n    ordersCount(limit: null) {\n      count\n    }\n  }\n": {return: BackfillOrdersCountQuery, variables: BackfillOrdersCountQueryVariables},
  "#graphql\n  query ImportCustomers($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Customer {\n        id\n        paymentMethods(first: 10) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: ImportCustomersQuery, variables: ImportCustomersQueryVariables},
  "#graphql\n  query ImportVariants($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        product {\n          status\n        }\n      }\n    }\n  }\n": {return: ImportVariantsQuery, variables: ImportVariantsQueryVariables},
  "#graphql\n  query ImportCustomerContracts($id: ID!) {\n    customer(id: $id) {\n      subscriptionContracts(first: 50, reverse: true) {\n        nodes {\n          id\n          customAttributes {\n            key\n            value\n          }\n        }\n      }\n    }\n  }\n": {return: ImportCustomerContractsQuery, variables: ImportCustomerContractsQueryVariables},
  "#graphql\n  query PublishedThemeFiles {\n    themes(first: 1, roles: [MAIN]) {\n      nodes {\n        id\n        files(filenames: [\"templates/product.json\", \"config/settings_data.json\"], first: 2) {\n          nodes {\n            filename\n            body {\n              ... on OnlineStoreThemeFileBodyText {\n                content\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: PublishedThemeFilesQuery, variables: PublishedThemeFilesQueryVariables},
  "#graphql\n  query RecentOrderLines {\n    orders(first: 50, reverse: true) {\n      nodes {\n        customer {\n          id\n        }\n        lineItems(first: 5) {\n          nodes {\n            quantity\n            product {\n              id\n              title\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: RecentOrderLinesQuery, variables: RecentOrderLinesQueryVariables},
  "#graphql\n  query ShopCheckoutPlan {\n    shop {\n      plan {\n        shopifyPlus\n      }\n    }\n  }\n": {return: ShopCheckoutPlanQuery, variables: ShopCheckoutPlanQueryVariables},
  "#graphql\n  query OfferProductTitles($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        title\n      }\n    }\n  }\n": {return: OfferProductTitlesQuery, variables: OfferProductTitlesQueryVariables},
  "#graphql\n  query ProtectionProductVariants($id: ID!, $after: String) {\n    product(id: $id) {\n      variants(first: 250, after: $after) {\n        nodes {\n          id\n          sku\n          inventoryItem {\n            requiresShipping\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": {return: ProtectionProductVariantsQuery, variables: ProtectionProductVariantsQueryVariables},
  "#graphql\n  query ReferralDiscountByCode($code: String!) {\n    codeDiscountNodeByCode(code: $code) {\n      id\n    }\n  }\n": {return: ReferralDiscountByCodeQuery, variables: ReferralDiscountByCodeQueryVariables},
  "#graphql\n  query ReminderProducts($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        handle\n        status\n        sellingPlanGroups(first: 5) {\n          nodes {\n            sellingPlans(first: 10) {\n              nodes {\n                id\n                pricingPolicies {\n                  ... on SellingPlanFixedPricingPolicy {\n                    adjustmentValue {\n                      ... on SellingPlanPricingPolicyPercentageValue {\n                        percentage\n                      }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: ReminderProductsQuery, variables: ReminderProductsQueryVariables},
  "#graphql\n  query ProductCollectionIds($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        collections(first: 25) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: ProductCollectionIdsQuery, variables: ProductCollectionIdsQueryVariables},
  "#graphql\n  query PastBuyerOrders($query: String!, $after: String) {\n    orders(first: 8, after: $after, query: $query, sortKey: PROCESSED_AT) {\n      nodes {\n        id\n        processedAt\n        cancelledAt\n        displayFinancialStatus\n        currencyCode\n        customer {\n          id\n          firstName\n          locale\n          defaultEmailAddress {\n            emailAddress\n            marketingState\n          }\n        }\n        lineItems(first: 25) {\n          nodes {\n            id\n            title\n            variantTitle\n            currentQuantity\n            sellingPlan {\n              sellingPlanId\n            }\n            variant {\n              id\n            }\n            product {\n              id\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": {return: PastBuyerOrdersQuery, variables: PastBuyerOrdersQueryVariables},
  "#graphql\n  query LedgerProductFacts($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        tags\n        collections(first: 25) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n": {return: LedgerProductFactsQuery, variables: LedgerProductFactsQueryVariables},
  "#graphql\n  query AppDataInstallation {\n    currentAppInstallation {\n      id\n    }\n  }\n": {return: AppDataInstallationQuery, variables: AppDataInstallationQueryVariables},
  "#graphql\n  query SalesChannelPublications {\n    publications(first: 50, catalogType: APP) {\n      nodes {\n        id\n        catalog {\n          title\n        }\n      }\n    }\n  }\n": {return: SalesChannelPublicationsQuery, variables: SalesChannelPublicationsQueryVariables},
  "#graphql\n  query ShopCollections {\n    collections(first: 250, sortKey: TITLE) {\n      nodes {\n        id\n        title\n      }\n    }\n  }\n": {return: ShopCollectionsQuery, variables: ShopCollectionsQueryVariables},
  "#graphql\n  query ShopInfo {\n    shop {\n      name\n      email\n      contactEmail\n      ianaTimezone\n      currencyCode\n      url\n    }\n  }\n": {return: ShopInfoQuery, variables: ShopInfoQueryVariables},
  "#graphql\n  query StoreOverview {\n    shop {\n      name\n      currencyCode\n      ianaTimezone\n    }\n    productsCount(query: \"status:active\") {\n      count\n    }\n    collectionsCount {\n      count\n    }\n  }\n": {return: StoreOverviewQuery, variables: StoreOverviewQueryVariables},
  "#graphql\n  query BillingAttemptAction($id: ID!) {\n    subscriptionBillingAttempt(id: $id) {\n      state {\n        __typename\n        ... on SubscriptionBillingAttemptActionRequiredState {\n          action {\n            __typename\n            ... on SubscriptionBillingAttemptPaymentChallenge {\n              nextActionUrl\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: BillingAttemptActionQuery, variables: BillingAttemptActionQueryVariables},
  "#graphql\n  query LineAlternatives($productId: ID!) {\n    product(id: $productId) {\n      id\n      title\n      variants(first: 50) {\n        nodes {\n          id\n          title\n          price\n          availableForSale\n          sellingPlanGroups(first: 3) {\n            nodes {\n              id\n            }\n          }\n        }\n      }\n      sellingPlanGroups(first: 3) {\n        nodes {\n          id\n          sellingPlans(first: 10) {\n            nodes {\n              id\n              name\n              billingPolicy {\n                ... on SellingPlanRecurringBillingPolicy {\n                  interval\n                  intervalCount\n                }\n              }\n              deliveryPolicy {\n                ... on SellingPlanRecurringDeliveryPolicy {\n                  interval\n                  intervalCount\n                }\n              }\n              pricingPolicies {\n                ... on SellingPlanRecurringPricingPolicy {\n                  afterCycle\n                  adjustmentType\n                  adjustmentValue {\n                    ... on SellingPlanPricingPolicyPercentageValue {\n                      percentage\n                    }\n                    ... on MoneyV2 {\n                      amount\n                    }\n                  }\n                }\n                ... on SellingPlanFixedPricingPolicy {\n                  adjustmentType\n                  adjustmentValue {\n                    ... on SellingPlanPricingPolicyPercentageValue {\n                      percentage\n                    }\n                    ... on MoneyV2 {\n                      amount\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: LineAlternativesQuery, variables: LineAlternativesQueryVariables},
  "#graphql\n  query OneTimeProducts($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        title\n        status\n        variants(first: 50) {\n          nodes {\n            id\n            title\n            price\n            availableForSale\n          }\n        }\n      }\n    }\n  }\n": {return: OneTimeProductsQuery, variables: OneTimeProductsQueryVariables},
  "#graphql\n  query ContractDiscounts($id: ID!) {\n    subscriptionContract(id: $id) {\n      discounts(first: 50) {\n        nodes {\n          ... on SubscriptionManualDiscount {\n            id\n            title\n          }\n        }\n      }\n    }\n  }\n": {return: ContractDiscountsQuery, variables: ContractDiscountsQueryVariables},
  "#graphql\n  query ContractDetail($id: ID!, $linesAfter: String) {\n    subscriptionContract(id: $id) {\n      id\n      status\n      currencyCode\n      createdAt\n      revisionId\n      nextBillingDate\n      customAttributes {\n        key\n        value\n      }\n      customer {\n        id\n        defaultEmailAddress {\n          emailAddress\n        }\n        firstName\n        displayName\n        locale\n      }\n      customerPaymentMethod {\n        id\n        instrument {\n          __typename\n          ... on CustomerCreditCard {\n            brand\n            lastDigits\n            expiryMonth\n            expiryYear\n          }\n          ... on CustomerShopPayAgreement {\n            lastDigits\n            expiryMonth\n            expiryYear\n          }\n          ... on CustomerPaypalBillingAgreement {\n            paypalAccountEmail\n          }\n        }\n      }\n      deliveryMethod {\n        __typename\n        ... on SubscriptionDeliveryMethodShipping {\n          address {\n            firstName\n            lastName\n            address1\n            address2\n            city\n            province\n            zip\n            countryCodeV2\n          }\n        }\n      }\n      originOrder {\n        id\n        createdAt\n      }\n      discounts(first: 5) {\n        nodes {\n          title\n          recurringCycleLimit\n          usageCount\n          value {\n            __typename\n            ... on SubscriptionDiscountPercentageValue {\n              percentage\n            }\n            ... on SubscriptionDiscountFixedAmountValue {\n              amount {\n                amount\n                currencyCode\n              }\n              appliesOnEachItem\n            }\n          }\n        }\n      }\n      billingPolicy {\n        interval\n        intervalCount\n        minCycles\n        maxCycles\n        anchors {\n          type\n          day\n        }\n      }\n      deliveryPolicy {\n        interval\n        intervalCount\n      }\n      lines(first: 10, after: $linesAfter) {\n        nodes {\n          id\n          productId\n          variantId\n          title\n          variantTitle\n          quantity\n          sellingPlanId\n          sellingPlanName\n          customAttributes {\n            key\n            value\n          }\n          currentPrice {\n            amount\n            currencyCode\n          }\n          pricingPolicy {\n            cycleDiscounts {\n              afterCycle\n              computedPrice {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": {return: ContractDetailQuery, variables: ContractDetailQueryVariables},
  "#graphql\n  query ShopLanguages {\n    shopLocales(published: true) {\n      locale\n      primary\n    }\n  }\n": {return: ShopLanguagesQuery, variables: ShopLanguagesQueryVariables},
  "#graphql\n  query PlanSellingPlanIds($id: ID!) {\n    sellingPlanGroup(id: $id) {\n      sellingPlans(first: 31) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": {return: PlanSellingPlanIdsQuery, variables: PlanSellingPlanIdsQueryVariables},
  "#graphql\n  query PlanTranslatableContent($ids: [ID!]!) {\n    translatableResourcesByIds(first: 31, resourceIds: $ids) {\n      nodes {\n        resourceId\n        translatableContent {\n          key\n          digest\n        }\n      }\n    }\n  }\n": {return: PlanTranslatableContentQuery, variables: PlanTranslatableContentQueryVariables},
  "#graphql\n  query PlanSummary($id: ID!) {\n    sellingPlanGroup(id: $id) {\n      name\n      productsCount {\n        count\n      }\n      products(first: 100) {\n        nodes {\n          id\n        }\n      }\n      productVariants(first: 100) {\n        nodes {\n          product {\n            id\n          }\n        }\n      }\n      sellingPlans(first: 31) {\n        nodes {\n          id\n        }\n      }\n    }\n  }\n": {return: PlanSummaryQuery, variables: PlanSummaryQueryVariables},
  "#graphql\n  query PlanDetail($id: ID!) {\n    sellingPlanGroup(id: $id) {\n      id\n      name\n      merchantCode\n      description\n      options\n      productsCount {\n        count\n      }\n      products(first: 100) {\n        nodes {\n          id\n          title\n          status\n        }\n      }\n      productVariants(first: 100) {\n        nodes {\n          id\n          title\n          product {\n            id\n            title\n            status\n          }\n        }\n      }\n      sellingPlans(first: 31) {\n        nodes {\n          id\n          billingPolicy {\n            ... on SellingPlanRecurringBillingPolicy {\n              interval\n              intervalCount\n              minCycles\n              maxCycles\n            }\n          }\n          deliveryPolicy {\n            ... on SellingPlanRecurringDeliveryPolicy {\n              interval\n              intervalCount\n              anchors {\n                type\n                day\n              }\n            }\n          }\n          pricingPolicies {\n            ... on SellingPlanFixedPricingPolicy {\n              adjustmentType\n              adjustmentValue {\n                ... on SellingPlanPricingPolicyPercentageValue {\n                  percentage\n                }\n                ... on MoneyV2 {\n                  amount\n                }\n              }\n            }\n            ... on SellingPlanRecurringPricingPolicy {\n              afterCycle\n              adjustmentType\n              adjustmentValue {\n                ... on SellingPlanPricingPolicyPercentageValue {\n                  percentage\n                }\n                ... on MoneyV2 {\n                  amount\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: PlanDetailQuery, variables: PlanDetailQueryVariables},
  "#graphql\n  query ProductSearch($query: String) {\n    products(first: 25, query: $query) {\n      nodes {\n        id\n        title\n        status\n        priceRangeV2 {\n          minVariantPrice {\n            amount\n          }\n        }\n      }\n    }\n  }\n": {return: ProductSearchQuery, variables: ProductSearchQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation AppSubscriptionCreate(\n    $name: String!\n    $returnUrl: URL!\n    $trialDays: Int\n    $test: Boolean\n    $lineItems: [AppSubscriptionLineItemInput!]!\n  ) {\n    appSubscriptionCreate(name: $name, returnUrl: $returnUrl, trialDays: $trialDays, test: $test, lineItems: $lineItems) {\n      appSubscription {\n        id\n        status\n      }\n      confirmationUrl\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: AppSubscriptionCreateMutation, variables: AppSubscriptionCreateMutationVariables},
  "#graphql\n  mutation AppSubscriptionCancel($id: ID!) {\n    appSubscriptionCancel(id: $id) {\n      appSubscription {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: AppSubscriptionCancelMutation, variables: AppSubscriptionCancelMutationVariables},
  "#graphql\n  mutation BackfillStart($query: String!) {\n    bulkOperationRunQuery(query: $query) {\n      bulkOperation {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: BackfillStartMutation, variables: BackfillStartMutationVariables},
  "#graphql\n  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {\n    flowTriggerReceive(handle: $handle, payload: $payload) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: FlowTriggerReceiveMutation, variables: FlowTriggerReceiveMutationVariables},
  "#graphql\n  mutation MembershipProductSet($input: ProductSetInput!) {\n    productSet(input: $input, synchronous: true) {\n      product {\n        id\n        variants(first: 1) {\n          nodes {\n            id\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MembershipProductSetMutation, variables: MembershipProductSetMutationVariables},
  "#graphql\n  mutation MembershipPlansCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {\n    sellingPlanGroupCreate(input: $input, resources: $resources) {\n      sellingPlanGroup {\n        id\n        sellingPlans(first: 10) {\n          nodes {\n            id\n            options\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MembershipPlansCreateMutation, variables: MembershipPlansCreateMutationVariables},
  "#graphql\n  mutation MembershipDiscountCreate($discount: DiscountAutomaticBasicInput!) {\n    discountAutomaticBasicCreate(automaticBasicDiscount: $discount) {\n      automaticDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MembershipDiscountCreateMutation, variables: MembershipDiscountCreateMutationVariables},
  "#graphql\n  mutation MembershipDiscountUpdate($id: ID!, $discount: DiscountAutomaticBasicInput!) {\n    discountAutomaticBasicUpdate(id: $id, automaticBasicDiscount: $discount) {\n      automaticDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: MembershipDiscountUpdateMutation, variables: MembershipDiscountUpdateMutationVariables},
  "#graphql\n  mutation MemberTagsAdd($id: ID!, $tags: [String!]!) {\n    tagsAdd(id: $id, tags: $tags) {\n      node {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: MemberTagsAddMutation, variables: MemberTagsAddMutationVariables},
  "#graphql\n  mutation MemberTagsRemove($id: ID!, $tags: [String!]!) {\n    tagsRemove(id: $id, tags: $tags) {\n      node {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: MemberTagsRemoveMutation, variables: MemberTagsRemoveMutationVariables},
  "#graphql\n  mutation ProtectionProductSet($input: ProductSetInput!) {\n    productSet(input: $input, synchronous: true) {\n      product {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ProtectionProductSetMutation, variables: ProtectionProductSetMutationVariables},
  "#graphql\n  mutation ReferralDiscountCreate($discount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $discount) {\n      codeDiscountNode {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ReferralDiscountCreateMutation, variables: ReferralDiscountCreateMutationVariables},
  "#graphql\n  mutation AppDataMetafieldsSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: AppDataMetafieldsSetMutation, variables: AppDataMetafieldsSetMutationVariables},
  "#graphql\n  mutation OnlineStorePublish($id: ID!, $publicationId: ID!) {\n    publishablePublish(id: $id, input: [{ publicationId: $publicationId }]) {\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: OnlineStorePublishMutation, variables: OnlineStorePublishMutationVariables},
  "#graphql\n  mutation ProductVariantsNotShipped($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {\n    productVariantsBulkUpdate(productId: $productId, variants: $variants) {\n      productVariants {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ProductVariantsNotShippedMutation, variables: ProductVariantsNotShippedMutationVariables},
  "#graphql\n  mutation BillingAttemptCreate($contractId: ID!, $input: SubscriptionBillingAttemptInput!) {\n    subscriptionBillingAttemptCreate(subscriptionContractId: $contractId, subscriptionBillingAttemptInput: $input) {\n      subscriptionBillingAttempt {\n        id\n        state {\n          __typename\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: BillingAttemptCreateMutation, variables: BillingAttemptCreateMutationVariables},
  "#graphql\n  mutation ContractPause($id: ID!) {\n    subscriptionContractPause(subscriptionContractId: $id) {\n      contract {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractPauseMutation, variables: ContractPauseMutationVariables},
  "#graphql\n  mutation ContractActivate($id: ID!) {\n    subscriptionContractActivate(subscriptionContractId: $id) {\n      contract {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractActivateMutation, variables: ContractActivateMutationVariables},
  "#graphql\n  mutation ContractExpire($id: ID!) {\n    subscriptionContractExpire(subscriptionContractId: $id) {\n      contract {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractExpireMutation, variables: ContractExpireMutationVariables},
  "#graphql\n  mutation ContractCancel($id: ID!) {\n    subscriptionContractCancel(subscriptionContractId: $id) {\n      contract {\n        id\n        status\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractCancelMutation, variables: ContractCancelMutationVariables},
  "#graphql\n  mutation ContractDraftOpen($id: ID!) {\n    subscriptionContractUpdate(contractId: $id) {\n      draft {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractDraftOpenMutation, variables: ContractDraftOpenMutationVariables},
  "#graphql\n  mutation DraftUpdate($draftId: ID!, $input: SubscriptionDraftInput!) {\n    subscriptionDraftUpdate(draftId: $draftId, input: $input) {\n      draft {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftUpdateMutation, variables: DraftUpdateMutationVariables},
  "#graphql\n  mutation DraftLineUpdate($draftId: ID!, $lineId: ID!, $input: SubscriptionLineUpdateInput!) {\n    subscriptionDraftLineUpdate(draftId: $draftId, lineId: $lineId, input: $input) {\n      lineUpdated {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftLineUpdateMutation, variables: DraftLineUpdateMutationVariables},
  "#graphql\n  mutation DraftLineAdd($draftId: ID!, $input: SubscriptionLineInput!) {\n    subscriptionDraftLineAdd(draftId: $draftId, input: $input) {\n      lineAdded {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftLineAddMutation, variables: DraftLineAddMutationVariables},
  "#graphql\n  mutation DraftLineRemove($draftId: ID!, $lineId: ID!) {\n    subscriptionDraftLineRemove(draftId: $draftId, lineId: $lineId) {\n      lineRemoved {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftLineRemoveMutation, variables: DraftLineRemoveMutationVariables},
  "#graphql\n  mutation DraftDiscountAdd($draftId: ID!, $input: SubscriptionManualDiscountInput!) {\n    subscriptionDraftDiscountAdd(draftId: $draftId, input: $input) {\n      discountAdded {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftDiscountAddMutation, variables: DraftDiscountAddMutationVariables},
  "#graphql\n  mutation DraftDiscountRemove($draftId: ID!, $discountId: ID!) {\n    subscriptionDraftDiscountRemove(draftId: $draftId, discountId: $discountId) {\n      discountRemoved {\n        ... on SubscriptionManualDiscount {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftDiscountRemoveMutation, variables: DraftDiscountRemoveMutationVariables},
  "#graphql\n  mutation DraftCommit($draftId: ID!) {\n    subscriptionDraftCommit(draftId: $draftId) {\n      contract {\n        id\n        revisionId\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: DraftCommitMutation, variables: DraftCommitMutationVariables},
  "#graphql\n  mutation PaymentMethodSendUpdateEmail($id: ID!) {\n    customerPaymentMethodSendUpdateEmail(customerPaymentMethodId: $id) {\n      customer {\n        id\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: PaymentMethodSendUpdateEmailMutation, variables: PaymentMethodSendUpdateEmailMutationVariables},
  "#graphql\n  mutation ContractAtomicCreate($input: SubscriptionContractAtomicCreateInput!) {\n    subscriptionContractAtomicCreate(input: $input) {\n      contract {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractAtomicCreateMutation, variables: ContractAtomicCreateMutationVariables},
  "#graphql\n  mutation ContractSetNextBillingDate($id: ID!, $date: DateTime!) {\n    subscriptionContractSetNextBillingDate(contractId: $id, date: $date) {\n      contract {\n        id\n        nextBillingDate\n        revisionId\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: ContractSetNextBillingDateMutation, variables: ContractSetNextBillingDateMutationVariables},
  "#graphql\n  mutation TranslationsRegister($resourceId: ID!, $translations: [TranslationInput!]!) {\n    translationsRegister(resourceId: $resourceId, translations: $translations) {\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: TranslationsRegisterMutation, variables: TranslationsRegisterMutationVariables},
  "#graphql\n  mutation PlanCreate($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {\n    sellingPlanGroupCreate(input: $input, resources: $resources) {\n      sellingPlanGroup {\n        id\n        productsCount {\n          count\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanCreateMutation, variables: PlanCreateMutationVariables},
  "#graphql\n  mutation PlanUpdate($id: ID!, $input: SellingPlanGroupInput!) {\n    sellingPlanGroupUpdate(id: $id, input: $input) {\n      sellingPlanGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanUpdateMutation, variables: PlanUpdateMutationVariables},
  "#graphql\n  mutation PlanDelete($id: ID!) {\n    sellingPlanGroupDelete(id: $id) {\n      deletedSellingPlanGroupId\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanDeleteMutation, variables: PlanDeleteMutationVariables},
  "#graphql\n  mutation PlanAddProducts($id: ID!, $productIds: [ID!]!) {\n    sellingPlanGroupAddProducts(id: $id, productIds: $productIds) {\n      sellingPlanGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanAddProductsMutation, variables: PlanAddProductsMutationVariables},
  "#graphql\n  mutation PlanRemoveProducts($id: ID!, $productIds: [ID!]!) {\n    sellingPlanGroupRemoveProducts(id: $id, productIds: $productIds) {\n      removedProductIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanRemoveProductsMutation, variables: PlanRemoveProductsMutationVariables},
  "#graphql\n  mutation PlanAddVariants($id: ID!, $variantIds: [ID!]!) {\n    sellingPlanGroupAddProductVariants(id: $id, productVariantIds: $variantIds) {\n      sellingPlanGroup {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanAddVariantsMutation, variables: PlanAddVariantsMutationVariables},
  "#graphql\n  mutation PlanRemoveVariants($id: ID!, $variantIds: [ID!]!) {\n    sellingPlanGroupRemoveProductVariants(id: $id, productVariantIds: $variantIds) {\n      removedProductVariantIds\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": {return: PlanRemoveVariantsMutation, variables: PlanRemoveVariantsMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
