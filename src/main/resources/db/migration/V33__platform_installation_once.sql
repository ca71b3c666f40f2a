-- The first company is installed once: concurrent set-ups race to insert this single row, and only one wins.
create table installation (
    id           integer   not null primary key,
    installed_at timestamp not null,
    constraint installation_single_row check (id = 1)
);
insert into installation (id, installed_at) select 1, current_timestamp where exists (select 1 from app_user);
