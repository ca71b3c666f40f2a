package io.keyaccount.customer.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long>, JpaSpecificationExecutor<Account> {

	Optional<Account> findByCreditCode(String creditCode);

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

	/**
	 * Ids and names of the companies directly below this one, by id. SQL for the reason given at
	 * {@link #findLive}: a derived query is translated anew on every call under the tenant filter.
	 */
	@NativeQuery("""
			select a.id, a.name from account a
			where a.parent_id = :parentId and a.tenant_id = :tenantId and a.deleted_at is null order by a.id""")
	List<Object[]> findSubsidiaryNames(long tenantId, long parentId);

	List<Account> findByOwnerUserIdAndInPoolFalse(Long ownerUserId);

	/**
	 * Ids and normalised names of the accounts whose normalised name may be {@link CompanyNames#similar similar} to
	 * {@code normalized}: the same first characters
	 * ({@code prefix}) and either one character apart at most (then the name is one longer, shorter or as long, and
	 * keeps the first half ({@code head}) or the second half ({@code tail})), or one name containing the other. The
	 * database applies these necessary conditions, so that a prefix shared by a whole city's companies (上海…) does
	 * not load tens of thousands of accounts to compare them one by one; it reads them from an index of the names
	 * alone (V21), and the caller loads only the accounts whose names are similar.
	 */
	@Query("""
			select a.id, a.normalizedName from Account a where a.normalizedName like :prefix
			    and (length(a.normalizedName) between :shortest and :longest
			         and (a.normalizedName like :head or a.normalizedName like :tail)
			         or a.normalizedName like :containing or locate(a.normalizedName, :normalized) > 0)""")
	List<Object[]> findNameCandidateKeys(String normalized, String prefix, int shortest, int longest, String head,
			String tail, String containing);

	/** Ids and normalised names of the accounts with one of these normalised names. */
	@Query("select a.id, a.normalizedName from Account a where a.normalizedName in :normalized")
	List<Object[]> findIdsWithNormalizedNameIn(Collection<String> normalized);

	/** Ids and normalised names of the accounts whose normalised name begins with {@code start}. */
	@Query("select a.id, a.normalizedName from Account a where a.normalizedName like :start")
	List<Object[]> findKeysByNameStart(String start);

	/**
	 * Ids and normalised names of the accounts whose {@link CompanyNames#endKey end key} begins with {@code endKey}:
	 * names with the same first two characters that end with the same characters.
	 */
	@Query("select a.id, a.normalizedName from Account a where a.nameEndKey like :endKey")
	List<Object[]> findKeysByNameEnd(String endKey);


	@Query("select a from Account a where a.phone in :phones")
	List<Account> findByPhones(Collection<String> phones);

	/** Existence of any row with this credit code, including accounts in the recycle bin. */
	@Query(value = "select count(*) from account where tenant_id = :tenantId and credit_code = :creditCode", nativeQuery = true)
	long countAnyWithCreditCode(long tenantId, String creditCode);

}
