package io.keyaccount.customer.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.AccountTeamMember;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.FollowUp;

/**
 * Keeps the denormalised parts of the search documents current. Hibernate Search re-indexes an account or a
 * contact when the entity itself changes; this listener adds, in the same transaction, what it cannot see:
 * <ul>
 * <li>a contact, follow-up or team member changed → its account's document (old and new account when it moved);
 * <li>a team changed, or an account's owner, pool state or recycle-bin state changed → its contacts' documents.
 * </ul>
 * Writes made with SQL, outside Hibernate, must call {@link CustomerIndex#reindexAccounts}.
 */
@Component
class RelatedDocuments implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		SmartInitializingSingleton {

	private static final Set<String> CONTACT_TEXT = Set.of("name", "mobile", "phone", "email", "workNotes",
			"lifeNotes", "interests", "accountId", "deletedAt");

	private static final Set<String> FOLLOW_UP_TEXT = Set.of("summary", "nextStep", "accountId", "deletedAt");

	private static final Set<String> TEAM = Set.of("userId", "accountId", "deletedAt");

	private static final Set<String> ACCOUNT_VISIBILITY = Set.of("ownerUserId", "ownerUnitId", "inPool", "deletedAt");

	private final EntityManagerFactory entityManagerFactory;

	RelatedDocuments(EntityManagerFactory entityManagerFactory) {
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

	@Override
	public void onPostInsert(PostInsertEvent event) {
		// Hibernate Search does not index what a stateless session writes; neither does this listener.
		if (event.getSession() instanceof SessionImplementor session) {
			added(session, event.getEntity());
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getSession() instanceof SessionImplementor session) {
			added(session, event.getEntity());
		}
	}

	private void added(SessionImplementor session, Object entity) {
		if (entity instanceof Contact contact) {
			reindexAccount(session, contact.getAccountId());
		}
		else if (entity instanceof FollowUp followUp) {
			reindexAccount(session, followUp.getAccountId());
		}
		else if (entity instanceof AccountTeamMember member) {
			reindexAccount(session, member.getAccountId());
			reindexContactsOf(session, member.getAccountId());
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		Object entity = event.getEntity();
		if (!(event.getSession() instanceof SessionImplementor session)) {
			return;
		}
		if (entity instanceof Contact contact && changed(event, CONTACT_TEXT)) {
			accountIds(event, contact.getAccountId()).forEach(id -> reindexAccount(session, id));
		}
		else if (entity instanceof FollowUp followUp && changed(event, FOLLOW_UP_TEXT)) {
			accountIds(event, followUp.getAccountId()).forEach(id -> reindexAccount(session, id));
		}
		else if (entity instanceof AccountTeamMember member && changed(event, TEAM)) {
			accountIds(event, member.getAccountId()).forEach(id -> {
				reindexAccount(session, id);
				reindexContactsOf(session, id);
			});
		}
		else if (entity instanceof Account account && changed(event, ACCOUNT_VISIBILITY)) {
			reindexContactsOf(session, account.getId());
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private static boolean changed(PostUpdateEvent event, Set<String> properties) {
		int[] dirty = event.getDirtyProperties();
		if (dirty == null) {
			return true;
		}
		String[] names = event.getPersister().getPropertyNames();
		return Arrays.stream(dirty).anyMatch(i -> properties.contains(names[i]));
	}

	/** The account the record belongs to now and, if it moved (a merge), the one it belonged to before. */
	private static List<Long> accountIds(PostUpdateEvent event, Long current) {
		List<Long> ids = new ArrayList<>();
		ids.add(current);
		if (event.getOldState() != null) {
			int index = Arrays.asList(event.getPersister().getPropertyNames()).indexOf("accountId");
			Object before = event.getOldState()[index];
			if (before instanceof Long previous && !previous.equals(current)) {
				ids.add(previous);
			}
		}
		return ids;
	}

	static void reindexAccount(SessionImplementor session, Long accountId) {
		if (accountId == null) {
			return;
		}
		Object account = managed(session, Account.class, accountId);
		if (account == null) {
			// Not in this session, so the database holds its latest state: skip an account in the recycle bin,
			// whose document is already gone (a reference to it could not be loaded).
			if (!session.doReturningWork(connection -> exists(connection, accountId))) {
				return;
			}
			account = session.getReference(Account.class, accountId);
		}
		Search.session(session).indexingPlan().addOrUpdate(account);
	}

	static void reindexContactsOf(SessionImplementor session, Long accountId) {
		if (accountId == null) {
			return;
		}
		List<Long> contactIds = session.doReturningWork(connection -> {
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement statement = connection
				.prepareStatement("select id from contact where account_id = ? and deleted_at is null")) {
				statement.setLong(1, accountId);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getLong(1));
					}
				}
			}
			return ids;
		});
		var plan = Search.session(session).indexingPlan();
		for (Long id : contactIds) {
			Object contact = managed(session, Contact.class, id);
			plan.addOrUpdate(contact != null ? contact : session.getReference(Contact.class, id));
		}
	}

	private static Object managed(SessionImplementor session, Class<?> type, Object id) {
		EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
		return session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
	}

	private static boolean exists(java.sql.Connection connection, long accountId) throws java.sql.SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("select 1 from account where id = ? and deleted_at is null")) {
			statement.setLong(1, accountId);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

}
