-- Indexes that carry every column a report reads from its table, so that PostgreSQL answers a
-- period's figures from the index alone instead of reading wide rows (a complaint's description,
-- a message's body). Measured with io.aftercare.reporting.ReportBenchmark on a million cases.
-- Plain composite indexes: H2 has no INCLUDE columns.
drop index sla_clock_started_idx;
drop index escalation_occurred_idx;
drop index notification_created_idx;
drop index complaint_received_idx;
create index if not exists sla_clock_report_idx
    on sla_clock (started_at, target, market, state, breached_at, due_at, elapsed_seconds, case_number);
create index if not exists notification_report_idx on notification (created_at, channel, audience, state, case_number);
create index if not exists complaint_report_idx on complaint (received_at, category, intake_channel, sku, lot_number,
    repeat_customer, repeat_batch, team, reopened, case_number);
create index if not exists escalation_report_idx on escalation (occurred_at, level, task_id, candidate_groups, case_number);
create index if not exists report_process_started_idx on report_process (started_at, process_key, market, channel,
    case_number);
create index if not exists satisfaction_report_idx on satisfaction (answered_at, case_number, callback_id, csat, nps,
    resolved);
