-- Retention, a person's requests and consent (issue 15).
-- A customer whose identifying data was anonymised (by the retention job or an erasure request):
-- the row stays, so that cases and figures still count, with initials or "Anonymised" as name.
alter table customer add column anonymised_at timestamp with time zone;
-- Withdrawal of consent to non-essential messages, per channel: when the customer withdrew it
-- (unsubscribe link, a TD/STOP reply, an agent recording it); null while consent stands.
alter table customer add column email_withdrawn_at timestamp with time zone;
alter table customer add column sms_withdrawn_at timestamp with time zone;
-- The secret in the unsubscribe link of the customer's e-mails (no login needed).
alter table customer add column unsubscribe_token varchar(64);
create unique index customer_unsubscribe_token_idx on customer (unsubscribe_token);
-- A message the case legally needs (e.g. a batch recall) is sent even after a withdrawal; messages
-- queued before this version count as not essential (a withdrawal holds them back).
alter table notification add column essential boolean default false not null;
-- Cluster-wide runs of scheduled work: a node runs it only while it holds the row's lease.
create table scheduled_run (
    name         varchar(64) primary key,
    locked_until timestamp with time zone not null,
    locked_by    varchar(128),
    last_run_at  timestamp with time zone
);
insert into scheduled_run (name, locked_until) values ('retention', timestamp '2000-01-01 00:00:00');
