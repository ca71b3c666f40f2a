-- Administrators of companies installed before the notification centre get its permission, as new installs do:
-- a role that may manage roles (admin.roles) could grant itself admin.notifications anyway.
insert into app_role_permission (role_id, permission)
select r.role_id, 'admin.notifications'
from app_role_permission r
where r.permission = 'admin.roles'
  and not exists (select 1 from app_role_permission p
                  where p.role_id = r.role_id and p.permission = 'admin.notifications');
