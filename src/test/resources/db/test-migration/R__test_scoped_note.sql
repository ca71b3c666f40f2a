-- A minimal owned business record used only by the platform's tests of data scopes, audit and recycle bin.
create table if not exists scoped_note (
    tenant_id      bigint       not null,
    id             bigint       not null primary key,
    title          varchar(200) not null,
    owner_user_id  bigint       not null,
    owner_unit_id  bigint       not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(64),
    updated_at     timestamp with time zone not null,
    updated_by     varchar(64),
    version        bigint       not null default 0,
    deleted_at     timestamp with time zone
);
