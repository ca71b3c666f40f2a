package io.keyaccount.platform.audit;

public enum AuditAction {

	CREATE, UPDATE, DELETE, RESTORE, PURGE

}
