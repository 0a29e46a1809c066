-- The retention rules' "last activity" of a dossier (lib/server/retention/due.ts) per newcomer from
-- the index alone: max(GREATEST(date, dvz_follow_up_on)) of its events is an index-only scan of
-- this index instead of a visit to every event row. The admin page /beheer/bewaartermijnen walks
-- newcomers in id order and asks this of each (issue 15: it took about a minute on the demo data
-- when it derived every due dossier's holds; now one page is a few milliseconds).
CREATE INDEX "track_event_newcomer_id_date_dvz_follow_up_on_idx" ON "track_event"("newcomer_id", "date", "dvz_follow_up_on");
