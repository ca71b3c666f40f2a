package io.keyaccount.platform.audit;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.keyaccount.platform.persistence.BusinessEntity;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Records every insert, update and delete of a business record (old and new values of the changed fields)
 * in {@code audit_event}, in the same transaction as the change, so an audit row exists exactly when the
 * change was committed. The rows of a transaction are collected and written in one JDBC batch just before it
 * commits (after its last flush): an import of thousands of rows would otherwise pay a statement per row.
 */
@Component
class AuditTrail implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		SmartInitializingSingleton {

	private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy", "createdAt",
			"createdBy", "tenantId", "rightsVersion", "signInVersion");

	private static final String INSERT_SQL = "insert into audit_event (tenant_id, entity_type, entity_id, action, changes, changed_by, changed_at, entity_name) values (?, ?, ?, ?, ?, ?, ?, ?)";

	/** The properties that name a record, so the log keeps the name it had when it was changed. */
	private static final List<String> NAME_PROPERTIES = List.of("name", "displayName");

	private static final int NAME_LENGTH = 300;

	private final EntityManagerFactory entityManagerFactory;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Audit rows of each session's current transaction, not yet written. */
	private final Map<SharedSessionContractImplementor, List<Object[]>> pending = new ConcurrentHashMap<>();

	AuditTrail(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
		registry.appendListeners(EventType.POST_DELETE, this);
	}

	/** The entity if its changes are audited: a business entity not marked {@link Unaudited}; else null. */
	private static Object audited(Object entity) {
		return entity instanceof BusinessEntity && !entity.getClass().isAnnotationPresent(Unaudited.class) ? entity
				: null;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (audited(event.getEntity()) instanceof BusinessEntity entity) {
			Map<String, Object[]> changes = new LinkedHashMap<>();
			String[] names = event.getPersister().getPropertyNames();
			Object[] state = event.getState();
			for (int i = 0; i < names.length; i++) {
				if (state[i] != null && !BOOKKEEPING.contains(names[i])) {
					changes.put(names[i], new Object[] { null, printable(state[i]) });
				}
			}
			record(event.getSession(), entity, AuditAction.CREATE, changes, recordName(names, state));
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (!(audited(event.getEntity()) instanceof BusinessEntity entity) || event.getOldState() == null) {
			return;
		}
		String[] names = event.getPersister().getPropertyNames();
		Map<String, Object[]> changes = new LinkedHashMap<>();
		AuditAction action = AuditAction.UPDATE;
		int[] dirty = event.getDirtyProperties();
		if (dirty == null) {
			return;
		}
		for (int i : dirty) {
			if (BOOKKEEPING.contains(names[i])) {
				continue;
			}
			Object before = event.getOldState()[i];
			Object after = event.getState()[i];
			if ("deletedAt".equals(names[i])) {
				action = after != null ? AuditAction.DELETE : AuditAction.RESTORE;
			}
			changes.put(names[i], new Object[] { printable(before), printable(after) });
		}
		if (!changes.isEmpty()) {
			record(event.getSession(), entity, action, changes, recordName(names, event.getState()));
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (audited(event.getEntity()) instanceof BusinessEntity entity) {
			record(event.getSession(), entity, AuditAction.PURGE, Map.of(),
					recordName(event.getPersister().getPropertyNames(), event.getDeletedState()));
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void record(SharedSessionContractImplementor session, BusinessEntity entity, AuditAction action,
			Map<String, Object[]> changes, String recordName) {
		long tenant = entity.getTenantId() != null ? entity.getTenantId() : TenantContext.currentTenant();
		Object[] row = { tenant, entity.getClass().getSimpleName(), entity.getId(), action.name(),
				json.writeValueAsString(changes), AuditLog.currentActor(), Timestamp.from(Instant.now()), recordName };
		pending.computeIfAbsent(session, this::writeBeforeCommit).add(row);
	}

	private List<Object[]> writeBeforeCommit(SharedSessionContractImplementor session) {
		TransactionCompletionCallbacks callbacks = session.getTransactionCompletionCallbacks();
		callbacks.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) this::write);
		callbacks.registerCallback(
				(TransactionCompletionCallbacks.AfterCompletionCallback) (committed, done) -> pending.remove(done));
		return new ArrayList<>();
	}

	private void write(SharedSessionContractImplementor session) {
		List<Object[]> rows = pending.remove(session);
		if (rows == null || rows.isEmpty()) {
			return;
		}
		session.doWork(connection -> {
			try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
				for (Object[] row : rows) {
					for (int i = 0; i < row.length; i++) {
						insert.setObject(i + 1, row[i]);
					}
					insert.addBatch();
				}
				insert.executeBatch();
			}
		});
	}

	private static Object printable(Object value) {
		if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
			return value;
		}
		if (value instanceof java.util.Collection<?> || value.getClass().isArray()) {
			return null;
		}
		return value.toString();
	}

	private static String recordName(String[] names, Object[] state) {
		if (state == null) {
			return null;
		}
		for (int i = 0; i < names.length; i++) {
			if (NAME_PROPERTIES.contains(names[i]) && state[i] instanceof String name && !name.isBlank()) {
				return name.length() > NAME_LENGTH ? name.substring(0, NAME_LENGTH) : name;
			}
		}
		return null;
	}

}
