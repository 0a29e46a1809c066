-- Worklists (issue 14, lib/server/worklists/worklists.ts): each list is driven from the record
-- that starts its clock, by date, so an overdue list is an index range. Partial indexes keep
-- them small: only first live records of a type, open infringement dossiers, standing fines.
CREATE INDEX "track_event_first_type_date_idx" ON "track_event"("type", "date", "newcomer_id") WHERE "is_first_of_type" AND "cancelled_at" IS NULL;
CREATE INDEX "track_event_open_infringement_idx" ON "track_event"("date") WHERE "type" = 'INFRINGEMENT' AND "cancelled_at" IS NULL;
CREATE INDEX "infringement_decision_open_fine_idx" ON "infringement_decision"("decided_on")
  WHERE "status" = 'FINAL' AND "outcome" = 'BOETE' AND "payment_status" = 'OPEN';
CREATE INDEX "infringement_decision_reminded_fine_idx" ON "infringement_decision"("reminder_sent_on")
  WHERE "status" = 'FINAL' AND "outcome" = 'BOETE' AND "payment_status" = 'HERINNERING';
-- The dossier search by birth date (dd/mm/jjjj) for admins, who search every agency.
CREATE INDEX "newcomer_birth_date_idx" ON "newcomer"("birth_date");
