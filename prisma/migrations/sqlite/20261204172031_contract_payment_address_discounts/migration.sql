-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN "deliveryAddress" TEXT;
ALTER TABLE "SubscriptionContract" ADD COLUMN "discounts" TEXT;
ALTER TABLE "SubscriptionContract" ADD COLUMN "paymentMethod" TEXT;

