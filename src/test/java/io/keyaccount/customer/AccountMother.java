package io.keyaccount.customer;

import java.util.Set;

/** Test accounts: {@code AccountMother.account("杭州测试科技有限公司").withCreditCode(..).facts()}. */
public final class AccountMother {

	private String name;

	private String creditCode;

	private String phone;

	private AccountMother(String name) {
		this.name = name;
	}

	public static AccountMother account(String name) {
		return new AccountMother(name);
	}

	public AccountMother withCreditCode(String creditCode) {
		this.creditCode = creditCode;
		return this;
	}

	public AccountMother withPhone(String phone) {
		this.phone = phone;
		return this;
	}

	public AccountFacts facts() {
		return new AccountFacts(name, null, creditCode, null, Industry.TELECOM, "330000", "330100", 120, null,
				OwnershipType.PRIVATE, null, null, phone, AccountSource.REFERRAL, AccountStatus.INTENT,
				PurchasingMode.CENTRALISED, PurchasePattern.CONTINUOUS, Set.of("测试"));
	}

}
