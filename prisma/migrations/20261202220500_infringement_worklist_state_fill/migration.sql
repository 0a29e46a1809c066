-- Fill the infringement flags (20261202220300, kept from now on by the triggers of 20261202220400)
-- and index what the infringement worklists read (lib/server/worklists/worklists.ts): the live
-- dossiers without a standing decision by date, and the fines in force by the date their clock
-- started, with the id that breaks ties in the lists' order.
UPDATE "track_event" e SET decision_standing = s.standing
  FROM "infringement_state_source" s WHERE s.kind = 'event' AND e.id = s.id AND e.decision_standing IS DISTINCT FROM s.standing;
UPDATE "infringement_decision" d SET in_force = s.standing
  FROM "infringement_state_source" s WHERE s.kind = 'decision' AND d.id = s.id AND d.in_force IS DISTINCT FROM s.standing;
CREATE INDEX "track_event_undecided_infringement_idx" ON "track_event"("date", "newcomer_id")
  WHERE "type" = 'INFRINGEMENT' AND "cancelled_at" IS NULL AND NOT "decision_standing";
CREATE INDEX "infringement_decision_open_fine_in_force_idx" ON "infringement_decision"("decided_on", "id")
  WHERE "status" = 'FINAL' AND "outcome" = 'BOETE' AND "payment_status" = 'OPEN' AND "in_force";
CREATE INDEX "infringement_decision_reminded_fine_in_force_idx" ON "infringement_decision"("reminder_sent_on", "id")
  WHERE "status" = 'FINAL' AND "outcome" = 'BOETE' AND "payment_status" = 'HERINNERING' AND "in_force";
-- the new columns' statistics, so the planner sees how few rows the partial indexes hold (without
-- them it estimated ten times as many open dossiers and hashed the whole newcomer table)
ANALYZE "newcomer";
ANALYZE "track_event";
ANALYZE "infringement_decision";
