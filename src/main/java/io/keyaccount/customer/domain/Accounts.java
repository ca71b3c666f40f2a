package io.keyaccount.customer.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	List<Account> findByParentId(Long parentId);

	/**
	 * The account with this id, unless deleted, read as SQL. A {@code findById} is the same read, but under the
	 * tenant filter Hibernate builds its load plan anew on every call; for the account detail, the page most
	 * opened after the list, that was a tenth of its time.
	 */
	@NativeQuery("select a.* from account a where a.id = :id and a.tenant_id = :tenantId and a.deleted_at is null")
	Optional<Account> findLive(long tenantId, long id);

	/** The name of the account with this id, unless deleted; see {@link #findLive}. */
	@NativeQuery("select a.name from account a where a.id = :id and a.tenant_id = :tenantId and a.deleted_at is null")
	Optional<String> findLiveName(long tenantId, long id);

	List<Account> findByOwnerUserIdAndInPoolFalse(Long ownerUserId);

	/**
	 * The account holding this credit code, in the recycle bin or not (the code is unique among both): its id, name
	 * and {@code deleted_at}.
	 */
	@NativeQuery("select a.id, a.name, a.deleted_at from account a where a.tenant_id = :tenantId and a.credit_code = :creditCode")
	List<Object[]> findAnyByCreditCode(long tenantId, String creditCode);

}
