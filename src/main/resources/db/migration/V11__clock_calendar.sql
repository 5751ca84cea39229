-- A clock may count in a calendar other than its market's: the refund after an EU withdrawal is
-- due 14 days after the consumer's decision in the consumer's country's calendar (Directive
-- 2011/83/EU art. 13(1), Reg. 1182/71 art. 3(4)). Null: the market's calendar (calendars.yaml).
alter table sla_clock add column calendar varchar(8);
