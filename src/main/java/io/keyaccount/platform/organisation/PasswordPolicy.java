package io.keyaccount.platform.organisation;

import org.springframework.stereotype.Component;

import io.keyaccount.platform.security.SecurityProperties;
import io.keyaccount.platform.validation.BusinessRuleException;

/** At least N characters with letters and digits, and not the username. */
@Component
public class PasswordPolicy {

	private final int minLength;

	PasswordPolicy(SecurityProperties properties) {
		this.minLength = properties.passwordMinLength();
	}

	public void check(String field, String username, String password) {
		if (password == null || password.length() < minLength) {
			throw new BusinessRuleException(field, "password.tooShort", minLength);
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			throw new BusinessRuleException(field, "password.needsLettersAndDigits");
		}
		if (password.equalsIgnoreCase(username)) {
			throw new BusinessRuleException(field, "password.sameAsUsername");
		}
	}

}
