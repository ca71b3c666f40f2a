package io.keyaccount.customer;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * What we know of a contact, as a form, an import row or an API call supplies it. The limits are the columns'
 * sizes ({@code contact} in V2).
 */
public record ContactDetails(@Size(max = 100) String name, @Size(max = 100) String title,
		@Size(max = 100) String department, @Size(max = 20) String mobile, @Size(max = 30) String phone,
		@Size(max = 200) String email, @Size(max = 64) String wechat, BuyingRole buyingRole, Integer influence,
		Attitude attitude, Integer relationshipStrength, Long reportsToId, @Size(max = 1000) String workNotes,
		@Size(max = 1000) String lifeNotes, @Size(max = 500) String interests, LocalDate birthday) {
}
