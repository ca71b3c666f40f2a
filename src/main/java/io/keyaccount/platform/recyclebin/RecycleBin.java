package io.keyaccount.platform.recyclebin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.audit.AuditAction;
import io.keyaccount.platform.audit.AuditLog;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Deleted business records of every registered type: list, restore, purge. Works in SQL because entities hide
 * deleted rows; every restore and purge is written to the audit trail.
 */
@Service
@Transactional
public class RecycleBin {

	private final JdbcTemplate jdbc;

	private final Map<String, RecyclableType> types;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	RecycleBin(JdbcTemplate jdbc, List<RecyclableType> types, AuditLog audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.types = types.stream().collect(Collectors.toMap(RecyclableType::key, Function.identity(), (a, b) -> a,
				java.util.LinkedHashMap::new));
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<RecyclableType> types() {
		return List.copyOf(types.values());
	}

	@Transactional(readOnly = true)
	public List<DeletedRecord> contents(String typeKey) {
		List<DeletedRecord> result = new ArrayList<>();
		for (RecyclableType type : types.values()) {
			if (typeKey != null && !typeKey.isBlank() && !type.key().equals(typeKey)) {
				continue;
			}
			result.addAll(jdbc.query("select id, " + type.nameColumn() + ", deleted_at, updated_by from " + type.table()
					+ " where tenant_id = ? and deleted_at is not null order by deleted_at desc",
					(rs, i) -> new DeletedRecord(type.key(), type.labelKey(), rs.getLong(1), rs.getString(2),
							rs.getTimestamp(3).toInstant(), rs.getString(4)),
					TenantContext.currentTenant()));
		}
		result.sort((a, b) -> b.deletedAt().compareTo(a.deletedAt()));
		return result;
	}

	public String restore(String typeKey, long id) {
		RecyclableType type = type(typeKey);
		String name = nameOf(type, id);
		jdbc.update("update " + type.table() + " set deleted_at = null, version = version + 1, updated_at = ? "
				+ "where id = ? and tenant_id = ?", Timestamp.from(Instant.now()), id, TenantContext.currentTenant());
		audit.record(type.entityType(), id, AuditAction.RESTORE);
		events.publishEvent(new RecordRestored(type.entityType(), id));
		return name;
	}

	public String purge(String typeKey, long id) {
		RecyclableType type = type(typeKey);
		String name = nameOf(type, id);
		type.beforePurge().forEach(sql -> jdbc.update(sql, id));
		jdbc.update("delete from " + type.table() + " where id = ? and tenant_id = ? and deleted_at is not null", id,
				TenantContext.currentTenant());
		audit.record(type.entityType(), id, AuditAction.PURGE);
		events.publishEvent(new RecordPurged(type.entityType(), id));
		return name;
	}

	private String nameOf(RecyclableType type, long id) {
		return jdbc
			.queryForList("select " + type.nameColumn() + " from " + type.table()
					+ " where id = ? and tenant_id = ? and deleted_at is not null", String.class, id,
					TenantContext.currentTenant())
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException(type.entityType(), id));
	}

	private RecyclableType type(String key) {
		RecyclableType type = types.get(key);
		if (type == null) {
			throw new NotFoundException("RecyclableType", key);
		}
		return type;
	}

	/**
	 * A record came back from the recycle bin. The restore is plain SQL, so modules that keep derived copies of
	 * their records (a search index) refresh them on this event, in the same transaction.
	 */
	public record RecordRestored(String entityType, long id) {
	}

	/** A record and what only it held are gone for good, in SQL: whoever keeps copies of rows should forget them. */
	public record RecordPurged(String entityType, long id) {
	}

	public record DeletedRecord(String typeKey, String labelKey, long id, String name, Instant deletedAt,
			String deletedBy) {
	}

}
