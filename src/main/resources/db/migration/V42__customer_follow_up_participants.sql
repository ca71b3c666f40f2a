-- Our users who took part in a follow-up (ids, comma-separated, as contact_ids holds the customer's people).
alter table follow_up add column participant_user_ids varchar(500);
