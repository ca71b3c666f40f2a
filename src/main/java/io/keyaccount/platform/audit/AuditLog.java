package io.keyaccount.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import io.keyaccount.platform.tenancy.TenantContext;

/** Read side of the audit trail, for the administrator's page and a record's history. */
@Service
public class AuditLog {

	/** The actor of changes no signed-in user made: seeding, scheduled jobs, start-up work. */
	public static final String SYSTEM = "system";

	private final JdbcTemplate jdbc;

	AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where tenant_id = ?");
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		if (StringUtils.hasText(query.entityType())) {
			where.append(" and entity_type = ?");
			args.add(query.entityType());
		}
		if (query.entityId() != null) {
			where.append(" and entity_id = ?");
			args.add(query.entityId());
		}
		if (StringUtils.hasText(query.user())) {
			// by username or by the name the page shows
			where.append(" and (changed_by = ? or changed_by in (select username from app_user where tenant_id = ?"
					+ " and display_name = ?))");
			args.add(query.user().trim());
			args.add(TenantContext.currentTenant());
			args.add(query.user().trim());
		}
		if (query.from() != null) {
			where.append(" and changed_at >= ?");
			args.add(Timestamp.from(query.from().atStartOfDay(ZoneId.systemDefault()).toInstant()));
		}
		if (query.to() != null) {
			where.append(" and changed_at < ?");
			args.add(Timestamp.from(query.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
		}
		Long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(pageable.getPageSize());
		pageArgs.add(pageable.getOffset());
		List<AuditEntry> rows = jdbc.query(
				"select id, entity_type, entity_id, action, changes, changed_by, changed_at, entity_name from audit_event"
						+ where + " order by changed_at desc, id desc limit ? offset ?",
				(rs, i) -> new AuditEntry(rs.getLong(1), rs.getString(2), rs.getLong(3),
						AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
						rs.getTimestamp(7).toInstant(), rs.getString(8)),
				pageArgs.toArray());
		return new PageImpl<>(rows, pageable, total == null ? 0 : total);
	}

	/** For changes made in SQL, outside Hibernate (recycle-bin restore and purge). */
	public void record(String entityType, long entityId, AuditAction action) {
		jdbc.update(
				"insert into audit_event (tenant_id, entity_type, entity_id, action, changes, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)",
				TenantContext.currentTenant(), entityType, entityId, action.name(), "{}", currentActor(),
				Timestamp.from(Instant.now()));
	}

	/** The signed-in user's name, or {@link #SYSTEM} when no one is signed in (an anonymous request counts as none). */
	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	public List<String> entityTypes() {
		return jdbc.queryForList("select distinct entity_type from audit_event where tenant_id = ? order by entity_type",
				String.class, TenantContext.currentTenant());
	}

	public record AuditQuery(String entityType, Long entityId, String user, LocalDate from, LocalDate to) {
	}

	/** @param recordName the record's name when it was changed; null for records without one and older rows */
	public record AuditEntry(long id, String entityType, long entityId, AuditAction action, String changes,
			String changedBy, Instant changedAt, String recordName) {
	}

}
