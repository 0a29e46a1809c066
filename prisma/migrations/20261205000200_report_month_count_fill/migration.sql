-- Counts report_month_count from the current facts once (report_month_count_fill, defined by the
-- migration before); from here on the report triggers and report_rebuild keep it.
SELECT report_month_count_fill();
