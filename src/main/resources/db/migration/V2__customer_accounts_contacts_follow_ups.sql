-- Customer module: accounts (company customers, with group hierarchy), contacts, follow-ups, account teams,
-- ownership transfers, the shared pool's settings and users' saved list views.

create table account (
    tenant_id           bigint        not null references tenant (id),
    id                  bigint        not null primary key,
    name                varchar(200)  not null,
    short_name          varchar(100),
    credit_code         varchar(18),
    external_id         varchar(64),
    industry            varchar(30),
    province_code       varchar(6),
    city_code           varchar(6),
    employees           integer,
    annual_revenue      numeric(19, 2),
    ownership_type      varchar(30),
    website             varchar(200),
    address             varchar(300),
    phone               varchar(30),
    source              varchar(30),
    status              varchar(20)   not null,
    purchasing_mode     varchar(20),
    purchase_pattern    varchar(20),
    parent_id           bigint        references account (id),
    key_account         boolean       not null default false,
    tags                varchar(500),
    in_pool             boolean       not null default false,
    pooled_at           timestamp with time zone,
    last_follow_up_at   timestamp with time zone,
    next_follow_up_on   date,
    normalized_name     varchar(200)  not null,
    name_pinyin         varchar(800),
    name_initials       varchar(200),
    owner_user_id       bigint        not null,
    owner_unit_id       bigint        not null,
    created_at          timestamp with time zone not null,
    created_by          varchar(64),
    updated_at          timestamp with time zone not null,
    updated_by          varchar(64),
    version             bigint        not null default 0,
    deleted_at          timestamp with time zone
);
create unique index ux_account_credit_code on account (tenant_id, credit_code);
create index ix_account_owner on account (tenant_id, owner_user_id);
create index ix_account_unit on account (tenant_id, owner_unit_id);
create index ix_account_normalized on account (tenant_id, normalized_name);
create index ix_account_parent on account (parent_id);
create index ix_account_updated on account (tenant_id, updated_at);

create table contact (
    tenant_id             bigint        not null references tenant (id),
    id                    bigint        not null primary key,
    account_id            bigint        not null references account (id),
    name                  varchar(100)  not null,
    title                 varchar(100),
    department            varchar(100),
    mobile                varchar(20),
    phone                 varchar(30),
    email                 varchar(200),
    wechat                varchar(64),
    buying_role           varchar(20),
    influence             integer,
    attitude              varchar(20),
    relationship_strength integer,
    reports_to_id         bigint        references contact (id),
    work_notes            varchar(1000),
    life_notes            varchar(1000),
    interests             varchar(500),
    birthday              date,
    left_company          boolean       not null default false,
    left_on               date,
    name_pinyin           varchar(400),
    name_initials         varchar(100),
    created_at            timestamp with time zone not null,
    created_by            varchar(64),
    updated_at            timestamp with time zone not null,
    updated_by            varchar(64),
    version               bigint        not null default 0,
    deleted_at            timestamp with time zone
);
create index ix_contact_account on contact (account_id);
create index ix_contact_mobile on contact (tenant_id, mobile);

create table follow_up (
    tenant_id            bigint        not null references tenant (id),
    id                   bigint        not null primary key,
    account_id           bigint        not null references account (id),
    kind                 varchar(30)   not null,
    happened_at          timestamp with time zone not null,
    author_user_id       bigint        not null,
    our_participants     varchar(500),
    contact_ids          varchar(500),
    summary              varchar(4000) not null,
    next_step            varchar(1000),
    next_follow_up_on    date,
    assignee_user_id     bigint,
    created_at           timestamp with time zone not null,
    created_by           varchar(64),
    updated_at           timestamp with time zone not null,
    updated_by           varchar(64),
    version              bigint        not null default 0,
    deleted_at           timestamp with time zone
);
create index ix_follow_up_account on follow_up (account_id, happened_at);
create index ix_follow_up_assignee on follow_up (tenant_id, assignee_user_id, next_follow_up_on);

create table account_team_member (
    tenant_id    bigint       not null references tenant (id),
    id           bigint       not null primary key,
    account_id   bigint       not null references account (id),
    user_id      bigint       not null references app_user (id),
    team_role    varchar(30)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64),
    updated_at   timestamp with time zone not null,
    updated_by   varchar(64),
    version      bigint       not null default 0,
    deleted_at   timestamp with time zone,
    constraint uq_account_team_member unique (account_id, user_id)
);
create index ix_team_member_user on account_team_member (tenant_id, user_id);

create table account_transfer (
    tenant_id        bigint       not null references tenant (id),
    id               bigint       not null primary key,
    account_id       bigint       not null references account (id),
    from_user_id     bigint,
    to_user_id       bigint,
    kind             varchar(20)  not null,
    reason           varchar(500),
    transferred_at   timestamp with time zone not null,
    transferred_by   varchar(64)
);
create index ix_account_transfer_account on account_transfer (account_id, transferred_at);
create index ix_account_transfer_claims on account_transfer (tenant_id, to_user_id, kind, transferred_at);

create table customer_settings (
    tenant_id             bigint   not null primary key references tenant (id),
    pool_enabled          boolean  not null default true,
    pool_after_days       integer  not null default 30,
    pool_warning_days     integer  not null default 7,
    daily_claim_limit     integer  not null default 10,
    version               bigint   not null default 0
);

create table account_alert (
    tenant_id       bigint       not null references tenant (id),
    id              bigint       generated by default as identity primary key,
    account_id      bigint       not null references account (id),
    kind            varchar(30)  not null,
    recipient_id    bigint       not null,
    raised_at       timestamp with time zone not null,
    resolved_at     timestamp with time zone
);
create index ix_account_alert_recipient on account_alert (tenant_id, recipient_id, resolved_at);

create table saved_view (
    tenant_id    bigint        not null references tenant (id),
    id           bigint        not null primary key,
    user_id      bigint        not null references app_user (id),
    screen       varchar(40)   not null,
    name         varchar(100)  not null,
    query        varchar(2000) not null,
    created_at   timestamp with time zone not null
);
create index ix_saved_view_user on saved_view (tenant_id, user_id, screen);
