-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "deliveryAddress" TEXT,
ADD COLUMN     "discounts" TEXT,
ADD COLUMN     "paymentMethod" TEXT;

