-- A satisfaction answer counts for the team and category of its case when the customer answered
-- (a complaint's team and category from triage, untriaged counting with the agents; else the
-- callback's reason: returns, safety or the agents), written with the answer
-- (callback.CallbackRecords). The satisfaction report then reads the answers alone instead of
-- joining every answer of a year to its complaint and callback (1.8 s over a year of 1,000,000
-- cases, ReportBenchmark). Answers already given get the team and category their case has now.
alter table satisfaction add column team varchar(32);
alter table satisfaction add column category varchar(24);
update satisfaction set
    team = coalesce((select k.team from complaint k where k.case_number = satisfaction.case_number),
        (select case b.reason when 'RETURN_COMPLETED' then 'returns' when 'ADVERSE_FOLLOWUP' then 'safety'
                else 'agent' end from callback b where b.id = satisfaction.callback_id)),
    category = coalesce((select coalesce(k.category, 'UNTRIAGED') from complaint k
                         where k.case_number = satisfaction.case_number),
        (select b.reason from callback b where b.id = satisfaction.callback_id));
alter table satisfaction alter column team set not null;
alter table satisfaction alter column category set not null;
drop index satisfaction_report_idx;
create index satisfaction_report_idx on satisfaction (answered_at, team, category, csat, nps, resolved);
