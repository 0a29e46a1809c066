-- Dossier list: sorting by name, birth date or newest within an agency or an office stays on an
-- index (top-N without sorting the whole agency); admins sort across agencies by name.

-- CreateIndex
CREATE INDEX "newcomer_agency_code_search_name_idx" ON "newcomer"("agency_code", "search_name");

-- CreateIndex
CREATE INDEX "newcomer_office_code_search_name_idx" ON "newcomer"("office_code", "search_name");

-- CreateIndex
CREATE INDEX "newcomer_search_name_idx" ON "newcomer"("search_name");

-- CreateIndex
CREATE INDEX "newcomer_agency_code_birth_date_idx" ON "newcomer"("agency_code", "birth_date");

-- CreateIndex
CREATE INDEX "newcomer_agency_code_created_at_idx" ON "newcomer"("agency_code", "created_at");
