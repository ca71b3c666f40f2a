package io.keyaccount.customer.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The start-up check that rebuilds a tenant's search index when it no longer matches the database. */
@KeyaccountTest
class IndexRebuildTests {

	@Autowired
	IndexRebuild rebuild;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService staff;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	@Test
	void anIndexThatLostItsDocumentsIsRebuiltFromTheDatabase() {
		DemoUsers.signIn(staff, "admin");
		long tenant = TenantContext.currentTenant();
		Long accounts = jdbc.queryForObject("select count(*) from account where tenant_id = ? and deleted_at is null",
				Long.class, tenant);
		Long contacts = jdbc.queryForObject("select count(*) from contact where tenant_id = ? and deleted_at is null",
				Long.class, tenant);
		assertThat(accounts).isPositive();
		var workspace = Search.mapping(entityManagerFactory).scope(java.util.List.of(Account.class, Contact.class))
			.workspace(tenant);
		workspace.purge();
		workspace.refresh();
		assertThat(indexed(tenant, Account.class)).isZero();

		rebuild.rebuildWhereStale();

		assertThat(indexed(tenant, Account.class)).isEqualTo(accounts);
		assertThat(indexed(tenant, Contact.class)).isEqualTo(contacts);
	}

	private long indexed(long tenant, Class<?> type) {
		return TenantContext.callAs(tenant, () -> {
			EntityManager entityManager = entityManagerFactory.createEntityManager();
			try {
				return Search.session(entityManager).search(type).where(f -> f.matchAll()).fetchTotalHitCount();
			}
			finally {
				entityManager.close();
			}
		});
	}

}
