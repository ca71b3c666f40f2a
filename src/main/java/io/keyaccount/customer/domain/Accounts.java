package io.keyaccount.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	Optional<Account> findByCreditCode(String creditCode);

	List<Account> findByParentId(Long parentId);

	List<Account> findByOwnerUserIdAndInPoolFalse(Long ownerUserId);

	@Query("select a from Account a where a.normalizedName = :normalized or a.normalizedName like :prefix")
	List<Account> findNameCandidates(String normalized, String prefix);

	@Query("select a from Account a where a.phone in :phones")
	List<Account> findByPhones(Collection<String> phones);

	/** Existence of any row with this credit code, including accounts in the recycle bin. */
	@Query(value = "select count(*) from account where tenant_id = :tenantId and credit_code = :creditCode", nativeQuery = true)
	long countAnyWithCreditCode(long tenantId, String creditCode);

}
