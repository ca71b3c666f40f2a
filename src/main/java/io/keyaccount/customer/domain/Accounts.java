package io.keyaccount.customer.domain;

import java.util.Collection;
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
	 *
	 * <p>This and the other reads of a create's duplicate check are SQL naming the tenant: as JPQL each was translated
	 * anew on every call under the tenant filter (docs/adr/0010).
	 */
	@NativeQuery("""
			select a.id, a.normalized_name from account a
			where a.tenant_id = :tenantId and a.deleted_at is null and a.normalized_name like :prefix
			    and (length(a.normalized_name) between :shortest and :longest
			         and (a.normalized_name like :head or a.normalized_name like :tail)
			         or a.normalized_name like :containing or position(a.normalized_name in :normalized) > 0)""")
	List<Object[]> findNameCandidateKeys(long tenantId, String normalized, String prefix, int shortest, int longest,
			String head, String tail, String containing);

	/** Ids and normalised names of the accounts whose normalised name begins with {@code start}. */
	@NativeQuery("""
			select a.id, a.normalized_name from account a
			where a.tenant_id = :tenantId and a.deleted_at is null and a.normalized_name like :start""")
	List<Object[]> findKeysByNameStart(long tenantId, String start);

	/**
	 * Ids and normalised names of the accounts whose {@link CompanyNames#endKey end key} begins with {@code endKey}:
	 * names with the same first two characters that end with the same characters.
	 */
	@NativeQuery("""
			select a.id, a.normalized_name from account a
			where a.tenant_id = :tenantId and a.deleted_at is null and a.name_end_key like :endKey""")
	List<Object[]> findKeysByNameEnd(long tenantId, String endKey);

	/** Ids of the accounts with one of these phone numbers. */
	@NativeQuery("select a.id from account a where a.tenant_id = :tenantId and a.deleted_at is null and a.phone in :phones")
	List<Long> findIdsByPhones(long tenantId, Collection<String> phones);

	/** Ids, names and owners of these accounts, unless deleted. */
	@NativeQuery("""
			select a.id, a.name, a.owner_user_id from account a
			where a.tenant_id = :tenantId and a.deleted_at is null and a.id in :ids""")
	List<Object[]> findNamesAndOwners(long tenantId, Collection<Long> ids);

	/**
	 * The account holding this credit code, in the recycle bin or not (the code is unique among both): its id, name
	 * and {@code deleted_at}.
	 */
	@NativeQuery("select a.id, a.name, a.deleted_at from account a where a.tenant_id = :tenantId and a.credit_code = :creditCode")
	List<Object[]> findAnyByCreditCode(long tenantId, String creditCode);

}
