-- Reporting: the tables the supervisors' reports read, kept up to date as cases move, so that no
-- report scans Camunda's history. Written for H2 and PostgreSQL alike.

-- Every report is filtered by the case's market and intake channel: both live on the case.
alter table case_file add column market varchar(2) check (market in ('CN', 'EU', 'US'));
alter table case_file add column channel varchar(8);
update case_file set market = (select c.market from customer c where c.id = case_file.customer_id);
update case_file set channel = (select k.intake_channel from complaint k where k.case_number = case_file.case_number);
create index case_file_opened_idx on case_file (opened_at);

-- Time to meet a target net of the pauses (waiting for the customer), written when the clock
-- changes; the service-level report takes medians and percentiles of elapsed_seconds.
alter table sla_clock add column paused_seconds bigint default 0 not null;
alter table sla_clock add column elapsed_seconds bigint;
-- (clocks met before this version have no elapsed time: their medians start with it)
create index sla_clock_started_idx on sla_clock (started_at, target);
create index escalation_occurred_idx on escalation (occurred_at);
create index notification_created_idx on notification (created_at);

-- The complaint's team (from triage) and how often the customer reopened it.
alter table complaint add column team varchar(32);
alter table complaint add column reopened integer default 0 not null;
create index complaint_received_idx on complaint (received_at);
create index adverse_reaction_received_idx on adverse_reaction (received_at);

-- One row per process instance on a case: where it stands (stage = the step it waits in).
create table report_process (
    process_instance_id varchar(64)  primary key,
    case_number         varchar(24),
    process_key         varchar(255) not null,
    process_name        varchar(255),
    market              varchar(2),
    channel             varchar(8),
    started_at          timestamp with time zone not null,
    ended_at            timestamp with time zone,
    state               varchar(10)  not null check (state in ('ACTIVE', 'COMPLETED', 'CANCELLED')),
    -- the step it waits in, as the diagram names it without the case's values
    stage               varchar(255),
    stage_since         timestamp with time zone
);
create index report_process_case_idx on report_process (case_number);
create index report_process_open_idx on report_process (ended_at, process_key);

-- One row per user task: who had it, when, and what was decided when it was completed.
create table report_task (
    task_id             varchar(64)   primary key,
    process_instance_id varchar(64),
    case_number         varchar(24),
    process_key         varchar(255),
    task_key            varchar(255),
    name                varchar(255),
    -- the step, as the diagram names it without the case's values ("Resolve", not "Resolve AC-…")
    stage               varchar(255),
    -- the group that got the task first (its team) and all its candidate groups now
    team                varchar(64),
    candidate_groups    varchar(255),
    assignee            varchar(64),
    market              varchar(2),
    channel             varchar(8),
    created_at          timestamp with time zone not null,
    due_at              timestamp with time zone,
    ended_at            timestamp with time zone,
    end_reason          varchar(20),
    completed_by        varchar(64),
    outcome             varchar(1000)
);
create index report_task_case_idx on report_task (case_number, created_at);
create index report_task_open_idx on report_task (ended_at, process_key);
