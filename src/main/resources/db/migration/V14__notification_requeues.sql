-- Failed messages come back (issue 16): how often a message was re-queued, by a supervisor or
-- because its channel answered again after an outage. The automatic re-queue happens once per
-- message, so a bad address is not retried for ever.
alter table notification add column requeues integer default 0 not null;
