-- AddForeignKey
ALTER TABLE "KlaviyoEvent" ADD CONSTRAINT "KlaviyoEvent_shop_fkey" FOREIGN KEY ("shop") REFERENCES "KlaviyoConnection"("shop") ON DELETE CASCADE ON UPDATE CASCADE;

