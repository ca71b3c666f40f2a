package io.keyaccount.platform.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.keyaccount.platform.persistence.BusinessEntity;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Records every insert, update and delete of a business record (old and new values of the changed fields)
 * in {@code audit_event}, in the same transaction as the change, so an audit row exists exactly when the
 * change was committed.
 */
@Component
class AuditTrail implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		SmartInitializingSingleton {

	private static final Set<String> BOOKKEEPING = Set.of("version", "updatedAt", "updatedBy", "createdAt",
			"createdBy", "tenantId");

	private static final String INSERT_SQL = "insert into audit_event (tenant_id, entity_type, entity_id, action, changes, changed_by, changed_at) values (?, ?, ?, ?, ?, ?, ?)";

	private final EntityManagerFactory entityManagerFactory;

	private final JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditTrail(EntityManagerFactory entityManagerFactory, JdbcTemplate jdbc) {
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
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

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof BusinessEntity entity) {
			Map<String, Object[]> changes = new LinkedHashMap<>();
			String[] names = event.getPersister().getPropertyNames();
			Object[] state = event.getState();
			for (int i = 0; i < names.length; i++) {
				if (state[i] != null && !BOOKKEEPING.contains(names[i])) {
					changes.put(names[i], new Object[] { null, printable(state[i]) });
				}
			}
			record(entity, AuditAction.CREATE, changes);
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (!(event.getEntity() instanceof BusinessEntity entity) || event.getOldState() == null) {
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
			record(entity, action, changes);
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getEntity() instanceof BusinessEntity entity) {
			record(entity, AuditAction.PURGE, Map.of());
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void record(BusinessEntity entity, AuditAction action, Map<String, Object[]> changes) {
		long tenant = entity.getTenantId() != null ? entity.getTenantId() : TenantContext.currentTenant();
		jdbc.update(INSERT_SQL, tenant, entity.getClass().getSimpleName(), entity.getId(), action.name(),
				json.writeValueAsString(changes), currentUsername(), Timestamp.from(Instant.now()));
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

	private static String currentUsername() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null ? "system" : authentication.getName();
	}

}
