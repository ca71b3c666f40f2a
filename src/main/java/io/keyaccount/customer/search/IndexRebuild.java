package io.keyaccount.customer.search;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.search.SearchProperties.Rebuild;
import io.keyaccount.platform.setup.StartupStep;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Rebuilds a tenant's customer index at start-up when it does not match the database: empty after an upgrade or
 * a new install of the index, or from another time than a restored backup. "Matches" means the same number of
 * accounts and contacts and the same most recently changed account.
 * <p>
 * A start-up step after the installation and before the web server: as an {@code ApplicationRunner} it ran while
 * the server already took requests, so a visitor could search a half-built index of a small tenant, and a shutdown
 * then interrupted the start half-way.
 */
@Component
class IndexRebuild extends StartupStep {

	private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);

	private static final List<Class<?>> INDEXED = List.of(Account.class, Contact.class);

	private final EntityManagerFactory entityManagerFactory;

	private final JdbcTemplate jdbc;

	private final SearchProperties properties;

	/** Tenants whose index is being rebuilt in the background: it holds only part of their accounts meanwhile. */
	private final Set<Long> rebuilding = ConcurrentHashMap.newKeySet();

	IndexRebuild(EntityManagerFactory entityManagerFactory, JdbcTemplate jdbc, SearchProperties properties) {
		super(INSTALLATION + 1);
		this.entityManagerFactory = entityManagerFactory;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Override
	protected void runAtStartup() {
		if (properties.rebuildOnStart() != Rebuild.NEVER) {
			rebuildWhereStale();
		}
	}

	/** Rebuilds the index of every tenant whose index does not match the database (of every tenant: ALWAYS). */
	void rebuildWhereStale() {
		for (Long tenant : jdbc.queryForList("select id from tenant order by id", Long.class)) {
			State database = databaseState(tenant);
			if (properties.rebuildOnStart() == Rebuild.ALWAYS || !database.equals(indexState(tenant))) {
				log.info("Rebuilding the customer search index of tenant {} ({} accounts)", tenant, database.accounts());
				if (database.accounts() < properties.waitForRebuildBelow()) {
					rebuildAndWait(tenant);
				}
				else {
					rebuildInBackground(tenant);
				}
			}
		}
	}

	/** Re-indexes every account and contact of a small tenant before returning. */
	void rebuildAndWait(long tenant) {
		long started = System.nanoTime();
		try {
			massIndexer(tenant).startAndWait();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		log.info("Customer search index of tenant {} rebuilt in {} ms", tenant, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Re-indexes every account and contact of a large tenant while the application runs; until it completes,
	 * {@link #isRebuilding} tells the lists to count by SQL.
	 */
	CompletionStage<?> rebuildInBackground(long tenant) {
		long started = System.nanoTime();
		rebuilding.add(tenant);
		return massIndexer(tenant).start().whenComplete((done, failure) -> {
			rebuilding.remove(tenant);
			if (failure != null) {
				log.error("Rebuilding the customer search index of tenant {} failed", tenant, failure);
			}
			else {
				log.info("Customer search index of tenant {} rebuilt in {} s", tenant, (System.nanoTime() - started) / 1_000_000_000);
			}
		});
	}

	private MassIndexer massIndexer(long tenant) {
		return Search.mapping(entityManagerFactory)
			.scope(INDEXED)
			.massIndexer(tenant)
			.threadsToLoadObjects(2)
			.batchSizeToLoadObjects(100)
			.purgeAllOnStart(true);
	}

	/** Whether the tenant's index is being rebuilt in the background, so that it lacks some of the tenant's records. */
	boolean isRebuilding(long tenant) {
		return rebuilding.contains(tenant);
	}

	private State databaseState(long tenant) {
		Long accounts = jdbc.queryForObject(
				"select count(*) from account where tenant_id = ? and deleted_at is null", Long.class, tenant);
		Long contacts = jdbc.queryForObject(
				"select count(*) from contact where tenant_id = ? and deleted_at is null", Long.class, tenant);
		Long latest = jdbc.queryForList("""
				select id from account where tenant_id = ? and deleted_at is null
				order by updated_at desc, id desc fetch first 1 rows only""", Long.class, tenant)
			.stream()
			.findFirst()
			.orElse(null);
		return new State(accounts == null ? 0 : accounts, contacts == null ? 0 : contacts, latest);
	}

	private State indexState(long tenant) {
		return TenantContext.callAs(tenant, () -> {
			EntityManager entityManager = entityManagerFactory.createEntityManager();
			try {
				var session = Search.session(entityManager);
				long accounts = session.search(Account.class).where(f -> f.matchAll()).fetchTotalHitCount();
				long contacts = session.search(Contact.class).where(f -> f.matchAll()).fetchTotalHitCount();
				Long latest = session.search(Account.class)
					.select(f -> f.id(Long.class))
					.where(f -> f.matchAll())
					.sort(f -> f.field(AccountDocument.UPDATED_AT).desc().then().field(AccountDocument.ID).desc())
					.fetchHits(1)
					.stream()
					.findFirst()
					.orElse(null);
				return new State(accounts, contacts, latest);
			}
			finally {
				entityManager.close();
			}
		});
	}

	private record State(long accounts, long contacts, Long latestAccount) {
	}

}
