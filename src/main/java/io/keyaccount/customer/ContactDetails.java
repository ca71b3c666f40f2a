package io.keyaccount.customer;

import java.time.LocalDate;

/** What we know of a contact, as a form, an import row or an API call supplies it. */
public record ContactDetails(String name, String title, String department, String mobile, String phone,
		String email, String wechat, BuyingRole buyingRole, Integer influence, Attitude attitude,
		Integer relationshipStrength, Long reportsToId, String workNotes, String lifeNotes, String interests,
		LocalDate birthday) {
}
