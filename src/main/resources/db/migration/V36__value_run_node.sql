-- The node doing a run: a run of a node that stopped beating is failed at once, not after six hours.
alter table value_run add column node_id varchar(36);
