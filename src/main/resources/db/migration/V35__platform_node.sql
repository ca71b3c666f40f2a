-- The running processes (nodes) of Keyaccount, each beating every few seconds: work a node left unfinished
-- (an import, a rescore) is recognised as abandoned when its node no longer beats.
create table platform_node (
    id          varchar(36)  not null primary key,
    started_at  timestamp with time zone not null,
    beat_at     timestamp with time zone not null
);
