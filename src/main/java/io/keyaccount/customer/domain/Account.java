package io.keyaccount.customer.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.customer.AccountChangeListener;
import io.keyaccount.customer.AccountFacts;
import io.keyaccount.customer.AccountSource;
import io.keyaccount.customer.AccountStatus;
import io.keyaccount.customer.Industry;
import io.keyaccount.customer.OwnershipType;
import io.keyaccount.customer.PurchasePattern;
import io.keyaccount.customer.PurchasingMode;
import io.keyaccount.platform.persistence.OwnedEntity;

/** A company customer (客户): its facts, its owner, its place in a group, its follow-up rhythm. */
@Entity
@Table(name = "account")
@SQLRestriction("deleted_at is null")
@EntityListeners(AccountChangeListener.class)
public class Account extends OwnedEntity {

	@Column(nullable = false)
	private String name;

	@Column(name = "short_name")
	private String shortName;

	@Column(name = "credit_code")
	private String creditCode;

	@Column(name = "external_id")
	private String externalId;

	@Enumerated(EnumType.STRING)
	private Industry industry;

	@Column(name = "province_code")
	private String provinceCode;

	@Column(name = "city_code")
	private String cityCode;

	private Integer employees;

	@Column(name = "annual_revenue")
	private BigDecimal annualRevenue;

	@Enumerated(EnumType.STRING)
	@Column(name = "ownership_type")
	private OwnershipType ownershipType;

	private String website;

	private String address;

	private String phone;

	@Enumerated(EnumType.STRING)
	private AccountSource source;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private AccountStatus status = AccountStatus.POTENTIAL;

	@Enumerated(EnumType.STRING)
	@Column(name = "purchasing_mode")
	private PurchasingMode purchasingMode;

	@Enumerated(EnumType.STRING)
	@Column(name = "purchase_pattern")
	private PurchasePattern purchasePattern;

	@Column(name = "parent_id")
	private Long parentId;

	@Column(name = "key_account", nullable = false)
	private boolean keyAccount;

	private String tags;

	@Column(name = "in_pool", nullable = false)
	private boolean inPool;

	@Column(name = "pooled_at")
	private Instant pooledAt;

	@Column(name = "last_follow_up_at")
	private Instant lastFollowUpAt;

	@Column(name = "next_follow_up_on")
	private LocalDate nextFollowUpOn;

	@Column(name = "normalized_name", nullable = false)
	private String normalizedName;

	/** {@link CompanyNames#endKey}: names beginning and ending alike sit together in an index of these. */
	@Column(name = "name_end_key")
	private String nameEndKey;

	@Column(name = "name_pinyin")
	private String namePinyin;

	@Column(name = "name_initials")
	private String nameInitials;

	/**
	 * The parent the database holds: a company moved to another parent leaves its old parent's subsidiaries too,
	 * and {@link AccountChangeListener} (called before the callbacks below) tells both parents' readers.
	 */
	@Transient
	private Long parentIdAsStored;

	protected Account() {
	}

	public Account(AccountFacts facts, long ownerUserId, long ownerUnitId) {
		describe(facts);
		assignOwner(ownerUserId, ownerUnitId);
	}

	@PostLoad
	@PostPersist
	@PostUpdate
	void rememberParentAsStored() {
		parentIdAsStored = parentId;
	}

	public final void describe(AccountFacts facts) {
		this.name = facts.name().trim();
		this.shortName = blankToNull(facts.shortName());
		this.creditCode = blankToNull(facts.creditCode());
		this.externalId = blankToNull(facts.externalId());
		this.industry = facts.industry();
		this.provinceCode = blankToNull(facts.provinceCode());
		this.cityCode = blankToNull(facts.cityCode());
		this.employees = facts.employees();
		this.annualRevenue = facts.annualRevenue();
		this.ownershipType = facts.ownershipType();
		this.website = blankToNull(facts.website());
		this.address = blankToNull(facts.address());
		this.phone = blankToNull(facts.phone());
		this.source = facts.source();
		this.status = facts.status() == null ? AccountStatus.POTENTIAL : facts.status();
		this.purchasingMode = facts.purchasingMode();
		this.purchasePattern = facts.purchasePattern();
		this.tags = facts.tags() == null || facts.tags().isEmpty() ? null : String.join(",", facts.tags());
		this.normalizedName = DerivedColumns.fit(CompanyNames.normalize(name), DerivedColumns.ACCOUNT_NORMALIZED_NAME);
		this.nameEndKey = CompanyNames.endKey(normalizedName);
		String searchable = shortName == null ? name : name + " " + shortName;
		this.namePinyin = DerivedColumns.fit(PinyinNames.full(searchable), DerivedColumns.ACCOUNT_PINYIN);
		this.nameInitials = DerivedColumns.fit(
				PinyinNames.initials(name) + (shortName == null ? "" : " " + PinyinNames.initials(shortName)),
				DerivedColumns.ACCOUNT_INITIALS);
	}

	/** Fills the facts this account lacks from another record of the same company (used when merging). */
	public void completeFrom(Account other) {
		AccountFacts mine = facts();
		AccountFacts theirs = other.facts();
		describe(new AccountFacts(mine.name(), first(mine.shortName(), theirs.shortName()),
				first(mine.creditCode(), theirs.creditCode()), first(mine.externalId(), theirs.externalId()),
				first(mine.industry(), theirs.industry()), first(mine.provinceCode(), theirs.provinceCode()),
				first(mine.cityCode(), theirs.cityCode()), first(mine.employees(), theirs.employees()),
				first(mine.annualRevenue(), theirs.annualRevenue()), first(mine.ownershipType(), theirs.ownershipType()),
				first(mine.website(), theirs.website()), first(mine.address(), theirs.address()),
				first(mine.phone(), theirs.phone()), first(mine.source(), theirs.source()), mine.status(),
				first(mine.purchasingMode(), theirs.purchasingMode()),
				first(mine.purchasePattern(), theirs.purchasePattern()), union(mine.tags(), theirs.tags())));
		this.keyAccount = keyAccount || other.keyAccount;
		if (other.lastFollowUpAt != null && (lastFollowUpAt == null || other.lastFollowUpAt.isAfter(lastFollowUpAt))) {
			lastFollowUpAt = other.lastFollowUpAt;
		}
	}

	public AccountFacts facts() {
		return new AccountFacts(name, shortName, creditCode, externalId, industry, provinceCode, cityCode, employees,
				annualRevenue, ownershipType, website, address, phone, source, status, purchasingMode, purchasePattern,
				tagSet());
	}

	public void transferTo(long userId, long unitId) {
		assignOwner(userId, unitId);
		this.inPool = false;
		this.pooledAt = null;
	}

	public void releaseToPool() {
		this.inPool = true;
		this.pooledAt = Instant.now();
	}

	public void recordFollowUp(Instant at, LocalDate next) {
		if (lastFollowUpAt == null || at.isAfter(lastFollowUpAt)) {
			lastFollowUpAt = at;
		}
		if (next != null) {
			nextFollowUpOn = next;
		}
	}

	/**
	 * Its last and next follow-up as its remaining follow-ups tell them, after one was corrected or deleted: the
	 * latest one's time, and the next-contact date of the latest one that set one.
	 */
	public void restateFollowUps(Instant last, LocalDate next) {
		lastFollowUpAt = last;
		nextFollowUpOn = next;
	}

	public void designateKeyAccount(boolean keyAccount) {
		this.keyAccount = keyAccount;
	}

	public void attachToParent(Long parentId) {
		this.parentId = parentId;
	}

	public Set<String> tagSet() {
		return tagSet(tags);
	}

	/** The tags of the column's comma-separated form. */
	public static Set<String> tagSet(String tags) {
		if (tags == null || tags.isBlank()) {
			return Set.of();
		}
		return Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static <T> T first(T mine, T theirs) {
		return mine != null ? mine : theirs;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> result = new LinkedHashSet<>(a);
		result.addAll(b);
		return result;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public Long getParentIdAsStored() {
		return parentIdAsStored;
	}

	public String getName() {
		return name;
	}

	/** The name's pinyin (and the short name's), by which names are sorted: 北京 before 青岛 before 上海. */
	public String getNamePinyin() {
		return namePinyin;
	}

	public String getShortName() {
		return shortName;
	}

	public String getCreditCode() {
		return creditCode;
	}

	public String getExternalId() {
		return externalId;
	}

	public Industry getIndustry() {
		return industry;
	}

	public String getProvinceCode() {
		return provinceCode;
	}

	public String getCityCode() {
		return cityCode;
	}

	public Integer getEmployees() {
		return employees;
	}

	public BigDecimal getAnnualRevenue() {
		return annualRevenue;
	}

	public OwnershipType getOwnershipType() {
		return ownershipType;
	}

	public String getWebsite() {
		return website;
	}

	public String getAddress() {
		return address;
	}

	public String getPhone() {
		return phone;
	}

	public AccountSource getSource() {
		return source;
	}

	public AccountStatus getStatus() {
		return status;
	}

	public PurchasingMode getPurchasingMode() {
		return purchasingMode;
	}

	public PurchasePattern getPurchasePattern() {
		return purchasePattern;
	}

	public Long getParentId() {
		return parentId;
	}

	public boolean isKeyAccount() {
		return keyAccount;
	}

	public boolean isInPool() {
		return inPool;
	}

	public Instant getPooledAt() {
		return pooledAt;
	}

	public Instant getLastFollowUpAt() {
		return lastFollowUpAt;
	}

	public LocalDate getNextFollowUpOn() {
		return nextFollowUpOn;
	}

	public String getNormalizedName() {
		return normalizedName;
	}

}
