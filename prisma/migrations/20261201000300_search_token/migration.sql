-- Dossier searches by national number, kept server-side (issue 12: national numbers never in a URL).
-- CreateTable
CREATE TABLE "search_token" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "search_token_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "search_token_user_id_created_at_idx" ON "search_token"("user_id", "created_at");
