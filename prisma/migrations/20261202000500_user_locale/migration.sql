-- A language per user (issue 16): the UI, letters and report labels in Dutch or English.
-- Text with a check rather than an enum, so that French is one more value in the check.
ALTER TABLE "app_user" ADD COLUMN "locale" TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_locale_check" CHECK ("locale" IN ('nl', 'en'));
