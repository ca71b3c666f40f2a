package io.keyaccount.customer.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

public interface Contacts extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

	List<Contact> findByAccountIdOrderByNameAsc(Long accountId);

	/** Ids of the accounts with a contact having one of these mobiles (SQL, see {@link Accounts#findNameCandidateKeys}). */
	@NativeQuery("""
			select distinct c.account_id from contact c
			where c.tenant_id = :tenantId and c.deleted_at is null and c.mobile in :mobiles""")
	List<Long> findAccountIdsByMobiles(long tenantId, Collection<String> mobiles);

	long countByAccountIdIn(Collection<Long> accountIds);

}
