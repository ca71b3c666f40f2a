package io.keyaccount.customer.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.SQLRestriction;

import io.keyaccount.customer.Attitude;
import io.keyaccount.customer.BuyingRole;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.platform.persistence.BusinessEntity;

/** A person at a customer (联系人): role in the buying centre, attitude to us, and what seed 000 asks us to know. */
@Entity
@Table(name = "contact")
@SQLRestriction("deleted_at is null")
public class Contact extends BusinessEntity {

	@Column(name = "account_id", nullable = false)
	private Long accountId;

	@Column(nullable = false)
	private String name;

	private String title;

	private String department;

	private String mobile;

	private String phone;

	private String email;

	private String wechat;

	@Enumerated(EnumType.STRING)
	@Column(name = "buying_role")
	private BuyingRole buyingRole;

	private Integer influence;

	@Enumerated(EnumType.STRING)
	private Attitude attitude;

	@Column(name = "relationship_strength")
	private Integer relationshipStrength;

	@Column(name = "reports_to_id")
	private Long reportsToId;

	@Column(name = "work_notes")
	private String workNotes;

	@Column(name = "life_notes")
	private String lifeNotes;

	private String interests;

	private LocalDate birthday;

	@Column(name = "left_company", nullable = false)
	private boolean leftCompany;

	@Column(name = "left_on")
	private LocalDate leftOn;

	@Column(name = "name_pinyin")
	private String namePinyin;

	@Column(name = "name_initials")
	private String nameInitials;

	protected Contact() {
	}

	public Contact(long accountId, ContactDetails details) {
		this.accountId = accountId;
		describe(details);
	}

	public final void describe(ContactDetails details) {
		this.name = details.name().trim();
		this.title = details.title();
		this.department = details.department();
		this.mobile = details.mobile();
		this.phone = details.phone();
		this.email = details.email();
		this.wechat = details.wechat();
		this.buyingRole = details.buyingRole();
		this.influence = details.influence();
		this.attitude = details.attitude();
		this.relationshipStrength = details.relationshipStrength();
		this.reportsToId = details.reportsToId();
		this.workNotes = details.workNotes();
		this.lifeNotes = details.lifeNotes();
		this.interests = details.interests();
		this.birthday = details.birthday();
		this.namePinyin = DerivedColumns.fit(PinyinNames.full(name), DerivedColumns.CONTACT_PINYIN);
		this.nameInitials = DerivedColumns.fit(PinyinNames.initials(name), DerivedColumns.CONTACT_INITIALS);
	}

	/** The person left the customer: later modules react (a key contact lost is a risk). */
	public void markLeft(LocalDate on) {
		this.leftCompany = true;
		this.leftOn = on;
	}

	public void moveToAccount(long accountId) {
		this.accountId = accountId;
	}

	public ContactDetails details() {
		return new ContactDetails(name, title, department, mobile, phone, email, wechat, buyingRole, influence,
				attitude, relationshipStrength, reportsToId, workNotes, lifeNotes, interests, birthday);
	}

	public Long getAccountId() {
		return accountId;
	}

	public String getName() {
		return name;
	}

	/** The name's pinyin, by which names are sorted. */
	public String getNamePinyin() {
		return namePinyin;
	}

	public String getTitle() {
		return title;
	}

	public String getDepartment() {
		return department;
	}

	public String getMobile() {
		return mobile;
	}

	public String getPhone() {
		return phone;
	}

	public String getEmail() {
		return email;
	}

	public String getWechat() {
		return wechat;
	}

	public BuyingRole getBuyingRole() {
		return buyingRole;
	}

	public Integer getInfluence() {
		return influence;
	}

	public Attitude getAttitude() {
		return attitude;
	}

	public Integer getRelationshipStrength() {
		return relationshipStrength;
	}

	public Long getReportsToId() {
		return reportsToId;
	}

	public String getWorkNotes() {
		return workNotes;
	}

	public String getLifeNotes() {
		return lifeNotes;
	}

	public String getInterests() {
		return interests;
	}

	public LocalDate getBirthday() {
		return birthday;
	}

	public boolean isLeftCompany() {
		return leftCompany;
	}

	public LocalDate getLeftOn() {
		return leftOn;
	}

}
