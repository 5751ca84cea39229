-- Returns and exchanges: what the customer asked for, what eligibility and the clerk decided, the
-- parcel, the inspection (batch recorded for traceability) and the refund or replacement.
-- One row per return: the first of a case is RMA-<year>-<number> of the case, a later one (a
-- reopened complaint) adds -2, -3, ...
create table return_request (
    rma_number          varchar(24)   primary key,
    case_number         varchar(24)   not null references case_file (case_number),
    customer_id         bigint        not null references customer (id),
    origin              varchar(9)    not null check (origin in ('DIRECT', 'COMPLAINT')),
    sku                 varchar(32)   not null references product (sku),
    lot_number          varchar(32),
    order_number        varchar(64),
    purchase_channel    varchar(6)    not null check (purchase_channel in ('ONLINE', 'STORE')),
    purchase_date       date          not null,
    delivered_on        date,
    reason              varchar(20)   not null check (reason in ('QUALITY_DEFECT', 'ADVERSE_REACTION', 'WRONG_ITEM',
                                                                 'DAMAGED_IN_TRANSIT', 'CHANGED_MIND')),
    opened              boolean       not null,
    seal_confirmed      boolean,
    expired             boolean       not null default false,
    requested           varchar(8)    not null check (requested in ('REFUND', 'EXCHANGE')),
    -- counted from the day after delivery: delivered on the 1st, requested on the 8th = 7 days
    days_since_delivery integer       not null,
    eligible            boolean,
    eligibility_basis   varchar(300),
    review_needed       boolean,
    approved            boolean,
    settlement          varchar(8)    check (settlement in ('REFUND', 'EXCHANGE')),
    shipping_paid_by    varchar(8)    check (shipping_paid_by in ('BRAND', 'CUSTOMER')),
    decision_note       varchar(1000),
    decided_by          varchar(64),
    received_on         date,
    received_condition  varchar(10)   check (received_condition in ('SEALED', 'OPENED', 'USED', 'DAMAGED', 'EMPTY')),
    received_lot        varchar(32),
    condition_matches   boolean,
    inspected_lot       varchar(32),
    inspection_note     varchar(1000),
    refund_reference    varchar(64),
    shipment_reference  varchar(64),
    outcome             varchar(22)   check (outcome in ('REFUNDED', 'REPLACED', 'REJECTED', 'CANCELLED',
                                                         'RETURNED_TO_CUSTOMER')),
    requested_at        timestamp with time zone not null,
    closed_at           timestamp with time zone
);
create index return_request_case_idx on return_request (case_number, requested_at);
create index return_request_customer_idx on return_request (customer_id, requested_at);
-- traceability: which returned parcels carried a batch
create index return_request_lot_idx on return_request (sku, inspected_lot);

-- What a complaint's exchange or refund came to, once the return process settles it.
alter table complaint add column return_outcome varchar(22);
