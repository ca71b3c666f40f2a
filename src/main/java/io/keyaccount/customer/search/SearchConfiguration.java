package io.keyaccount.customer.search;

import java.util.Map;

import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search settings: the customer index mapping, the Chinese analysers, the Lucene directory, and one
 * index shared by all tenants (documents carry the tenant id, queries filter on it).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration implements HibernatePropertiesCustomizer {

	private final SearchProperties properties;

	SearchConfiguration(SearchProperties properties) {
		this.properties = properties;
	}

	@Override
	public void customize(Map<String, Object> hibernate) {
		hibernate.put("hibernate.search.mapping.process_annotations", false);
		hibernate.put("hibernate.search.mapping.configurer", BeanReference.ofInstance(new CustomerIndexMapping()));
		hibernate.put("hibernate.search.backend.analysis.configurer", BeanReference.ofInstance(new ChineseAnalysis()));
		hibernate.put("hibernate.search.backend.lucene_version", "9.12.0");
		hibernate.put("hibernate.search.backend.multi_tenancy.strategy", "discriminator");
		// A change waits until searches see it, not until the index is committed to disk: a forced Lucene commit per
		// transaction would hold every create for the commit's fsync. The periodic commit holds the index writer for
		// its flush and fsync, so every create of that moment waits; committing every ten seconds rather than every
		// second keeps that off the create's p99 (figures in bench/README.md). A crash can lose the last ten seconds
		// of index changes; the start-up check then finds the index out of date and rebuilds it (IndexRebuild).
		hibernate.put("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
		hibernate.put("hibernate.search.backend.io.commit_interval", 10_000);
		// No merges on commit. Lucene merges segments below the merge policy's minimum size (1.6 MB) as part of a
		// commit and waits up to 500 ms for them, holding the commit lock that the next batch of index changes
		// waits for, so creates would stall behind the commit. With no minimum, small segments are merged in the
		// background like any others.
		hibernate.put("hibernate.search.backend.io.merge.min_size", 0);
		hibernate.put("hibernate.search.multi_tenancy.tenant_identifier_converter",
				BeanReference.<TenantIdentifierConverter>ofInstance(Long::valueOf));
		if (properties.inMemory()) {
			hibernate.put("hibernate.search.backend.directory.type", "local-heap");
		}
		else {
			hibernate.put("hibernate.search.backend.directory.type", "local-filesystem");
			hibernate.put("hibernate.search.backend.directory.root", properties.indexDirectory().toAbsolutePath().toString());
		}
	}

}
