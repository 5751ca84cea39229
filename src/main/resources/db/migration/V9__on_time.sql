-- A clock is met on time only when it stopped at or before its due time, whether or not its step
-- had a breach timer (issue 13). Clocks met late that no timer marked get their breach now, at
-- their due time, as the clock's stop records it from this version on; the reports and the case
-- view compare ended_at with due_at (io.aftercare.sla.SlaClock.Status).
insert into sla_event (clock_id, case_number, target, type, occurred_at, due_at, detail)
select id, case_number, target, 'BREACHED', due_at, due_at, 'due time passed before the clock stopped (recomputed)'
from sla_clock where state = 'MET' and ended_at > due_at and breached_at is null;
update sla_clock set breached_at = due_at where state = 'MET' and ended_at > due_at and breached_at is null;

-- The reports' covering index reads ended_at and paused_at for the status as well.
drop index sla_clock_report_idx;
create index sla_clock_report_idx
    on sla_clock (started_at, target, market, state, due_at, ended_at, paused_at, elapsed_seconds, case_number);

-- Whom a task was created for (its candidate groups or assignee then), kept apart from the
-- groups an escalation adds later; and why a task ended without being completed.
alter table report_task add column created_for varchar(255);
update report_task set created_for = coalesce(team, candidate_groups, assignee);
alter table report_task add column ended_why varchar(255);
-- From this version the writer records a task that a timer, an interrupting event or the end of
-- its process cancelled as end_reason 'cancelled' with ended_why (the engine reports it as a
-- completion). Rows written before keep what they said; Camunda's ACT_HI_TASKINST.DELETE_REASON_
-- tells them apart, which this migration does not read (Camunda's tables may not exist yet here).
