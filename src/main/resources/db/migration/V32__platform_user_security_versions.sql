-- Counters that signed-in sessions and API sign-ins compare with their own copy on every request (docs/security.md).
-- rights_version: the user's roles, unit or a role he holds changed; his sessions reload his rights.
alter table app_user add column rights_version bigint default 0 not null;
-- sign_in_version: his password changed or he was disabled; his sessions end.
alter table app_user add column sign_in_version bigint default 0 not null;
