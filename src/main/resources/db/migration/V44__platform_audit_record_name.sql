-- The audit log shows a record by the name it had when it was changed.
alter table audit_event add column entity_name varchar(300);

-- Demo seeding ran in the anonymous setup request: no user acted, the system did.
update audit_event set changed_by = 'system' where changed_by = 'anonymousUser';
