-- A case may name the case it relates to (another customer's: a case never holds two customers,
-- issue 16); both timelines show the link.
alter table case_file add column related_case varchar(24) references case_file (case_number);
create index case_file_related_idx on case_file (related_case);
