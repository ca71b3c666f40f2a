package io.keyaccount.customer.search;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Contact;

/**
 * Which entities are indexed and how: mapped here rather than with annotations, so the entities stay about
 * the business and the whole search mapping reads in one place.
 */
class CustomerIndexMapping implements HibernateOrmSearchMappingConfigurer {

	/*
	 * The index names carry the layout's version: a new layout (here: pinyin, number and e-mail prefixes up to eight
	 * characters and the whole values, v4) starts
	 * in new, empty indexes, which the start-up check then rebuilds, instead of meeting Lucene fields written with
	 * other options.
	 */
	static final String ACCOUNT_INDEX = "account-v4";

	static final String CONTACT_INDEX = "contact-v4";

	@Override
	public void configure(HibernateOrmMappingConfigurationContext context) {
		ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
		mapping.type(Account.class).indexed().index(ACCOUNT_INDEX).routingBinder(new LiveRecords());
		mapping.type(Account.class).binder(new AccountDocument());
		mapping.type(Contact.class).indexed().index(CONTACT_INDEX).routingBinder(new LiveRecords());
		mapping.type(Contact.class).binder(new ContactDocument());
	}

}
