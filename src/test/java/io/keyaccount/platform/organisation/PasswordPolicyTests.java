package io.keyaccount.platform.organisation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.keyaccount.platform.security.SecurityProperties;
import io.keyaccount.platform.validation.BusinessRuleException;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy(new SecurityProperties(5, Duration.ofMinutes(15), 8));

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		for (String common : new String[] { "password1", "qwerty12", "Password1", "woaini1314", "1qaz2wsx" }) {
			assertRefused("zhangsan", common, "password.common");
		}
	}

	@Test
	void spacesAroundThePasswordDoNotMakeItLonger() {
		assertRefused("zhangsan", "a1      ", "password.blankPadded");
		assertRefused("zhangsan", "   a1", "password.blankPadded");
	}

	@Test
	void thePasswordMayNotContainTheUsername() {
		assertRefused("zhangsan", "zhangsan2026", "password.sameAsUsername");
		assertRefused("li", "li", "password.tooShort");
		assertThatCode(() -> policy.check("password", "li", "Flight-li-2026")).doesNotThrowAnyException();
	}

	@Test
	void shortOrLetterOnlyOrOverlongPasswordsAreRefused() {
		assertRefused("zhangsan", "ab12", "password.tooShort");
		assertRefused("zhangsan", "abcdefghij", "password.needsLettersAndDigits");
		assertRefused("zhangsan", "长".repeat(25) + "a1", "password.tooLong");
	}

	@Test
	void aPasswordOfTheUsersOwnIsAccepted() {
		assertThatCode(() -> policy.check("password", "zhangsan", "Harbour-light-26")).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("password", "admin", "Demo@2026")).doesNotThrowAnyException();
	}

	private void assertRefused(String username, String password, String messageKey) {
		assertThatThrownBy(() -> policy.check("password", username, password))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> org.assertj.core.api.Assertions.assertThat(ex.messageKey()).isEqualTo(messageKey));
	}

}
