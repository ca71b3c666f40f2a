-- Notification centre: one notification per recipient (the in-app message, written in the transaction of the change
-- that causes it) and one delivery per outside channel (the outbox the sender works through).

create table notification (
    tenant_id           bigint        not null references tenant (id),
    id                  bigint        not null primary key,
    recipient_user_id   bigint        not null,
    kind                varchar(40)   not null,
    title_key           varchar(100)  not null,
    title_arguments     varchar(2000),
    record_type         varchar(40),
    record_id           bigint,
    read_at             timestamp with time zone,
    created_at          timestamp with time zone not null,
    created_by          varchar(64),
    updated_at          timestamp with time zone not null,
    updated_by          varchar(64),
    version             bigint        not null default 0,
    deleted_at          timestamp with time zone
);
create index ix_notification_recipient on notification (tenant_id, recipient_user_id, created_at);
create index ix_notification_unread on notification (tenant_id, recipient_user_id, read_at);

create table notification_delivery (
    tenant_id           bigint        not null references tenant (id),
    id                  bigint        not null primary key,
    notification_id     bigint        not null references notification (id),
    channel             varchar(20)   not null,
    status              varchar(20)   not null,
    attempts            integer       not null default 0,
    next_attempt_at     timestamp with time zone not null,
    last_error          varchar(1000),
    sent_at             timestamp with time zone,
    created_at          timestamp with time zone not null,
    created_by          varchar(64),
    updated_at          timestamp with time zone not null,
    updated_by          varchar(64),
    version             bigint        not null default 0,
    deleted_at          timestamp with time zone
);
-- the sender's query: due deliveries of every tenant, oldest first
create index ix_notification_delivery_due on notification_delivery (status, next_attempt_at);
create index ix_notification_delivery_notification on notification_delivery (notification_id);

-- Which outside channels a user wants per kind of notification; a kind without a row follows the company default.
create table notification_preference (
    tenant_id   bigint        not null references tenant (id),
    user_id     bigint        not null references app_user (id),
    kind        varchar(40)   not null,
    channels    varchar(200)  not null,
    updated_at  timestamp with time zone not null,
    primary key (tenant_id, user_id, kind)
);

create table notification_default (
    tenant_id   bigint        not null references tenant (id),
    kind        varchar(40)   not null,
    channels    varchar(200)  not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64),
    primary key (tenant_id, kind)
);

-- A company's group robots (WeCom, DingTalk): the webhook URL and the signing secret are stored AES-GCM encrypted.
create table notification_channel_setting (
    tenant_id        bigint         not null references tenant (id),
    channel          varchar(20)    not null,
    enabled          boolean        not null default false,
    webhook_enc      varchar(2000),
    secret_enc       varchar(1000),
    updated_at       timestamp with time zone not null,
    updated_by       varchar(64),
    primary key (tenant_id, channel)
);
