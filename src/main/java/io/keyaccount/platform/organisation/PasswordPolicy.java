package io.keyaccount.platform.organisation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.security.SecurityProperties;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * Every password set anywhere (set-up, user administration, the profile): at least N characters with letters and
 * digits, no spaces around it (a user who pads "a1" with blanks has a two-character password), not the username
 * or containing it (if it has four characters or more), and not one of the passwords people choose most (a bundled list, the first guesses of every
 * attacker). At most 72 bytes: BCrypt ignores or refuses the rest.
 */
@Component
public class PasswordPolicy {

	static final int MAX_BYTES = 72;

	private static final String COMMON_PASSWORDS = "security/common-passwords.txt";

	private final int minLength;

	private final Set<String> common;

	PasswordPolicy(SecurityProperties properties) {
		this.minLength = properties.passwordMinLength();
		this.common = load(COMMON_PASSWORDS);
	}

	public void check(String field, String username, String password) {
		if (password == null || password.isBlank()) {
			throw new BusinessRuleException(field, "validation.required");
		}
		if (!password.equals(password.strip())) {
			throw new BusinessRuleException(field, "password.blankPadded");
		}
		if (password.length() < minLength) {
			throw new BusinessRuleException(field, "password.tooShort", minLength);
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new BusinessRuleException(field, "password.tooLong", MAX_BYTES);
		}
		boolean letter = password.chars().anyMatch(Character::isLetter);
		boolean digit = password.chars().anyMatch(Character::isDigit);
		if (!letter || !digit) {
			throw new BusinessRuleException(field, "password.needsLettersAndDigits");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (containsUsername(lower, username)) {
			throw new BusinessRuleException(field, "password.sameAsUsername");
		}
		if (common.contains(lower)) {
			throw new BusinessRuleException(field, "password.common");
		}
	}

	/** A short username ("li") is found inside many good passwords; it is refused only as the whole password. */
	private static boolean containsUsername(String lowerPassword, String username) {
		if (username == null || username.isBlank()) {
			return false;
		}
		String name = username.strip().toLowerCase(Locale.ROOT);
		return name.length() >= 4 ? lowerPassword.contains(name) : lowerPassword.equals(name);
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.forEach(line -> passwords.add(line.strip().toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(passwords);
	}

}
