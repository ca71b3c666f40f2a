package io.keyaccount.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseIdentifiersTests {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "+86 138 1234 5678", "0571-88886666", "057188886666", "0571 8888 6666",
			"(010)62345678", "010-62345678-123", "0571-88886666转806", "021-55550000 ext 12", "+86-10-62345678",
			"400-800-8888", "4008008888", "+66 2 123 4567" })
	void phoneNumbersAsChineseCompaniesWriteThemAreAccepted(String phone) {
		assertThat(ChineseIdentifiers.optionalPhone("phone", phone)).isEqualTo(phone.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "12345", "88886666", "1381234567", "0571-1234", "电话号码", "0571-88886666-",
			"<script>", "+86 12345" })
	void anythingElseIsRefusedOnItsField(String phone) {
		assertThatThrownBy(() -> ChineseIdentifiers.optionalPhone("phone", phone))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("phone");
				assertThat(ex.messageKey()).isEqualTo("validation.phone");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "www.example.com", "example.com", "https://www.example.com/about?x=1", "http://例子.中国",
			"shop.example.co.th:8080/path", "HTTPS://EXAMPLE.COM" })
	void websitesAreHttpAddressesOrBareDomains(String website) {
		assertThat(ChineseIdentifiers.optionalWebsite("website", website)).isEqualTo(website);
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "javascript:alert(1)", "ftp://example.com", "www example com", "http://", "example",
			"https://exa mple.com", "12345" })
	void otherWebsitesAreRefused(String website) {
		assertThatThrownBy(() -> ChineseIdentifiers.optionalWebsite("website", website))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("validation.website"));
	}

	/** As a user fixes a code: its length first, then a character that cannot occur, then the check character. */
	@ParameterizedTest
	@CsvSource({ "9133, validation.creditCodeLength", "91330100MA27XK5X1A1, validation.creditCodeLength",
			"91330100MA27XK5XIA, validation.creditCodeCharacter", "9133010OMA27XK5X1A, validation.creditCodeCharacter",
			"91330100MA27XK5X1A, validation.creditCodeCheck" })
	void aCreditCodeIsCheckedForLengthThenCharactersThenCheckDigit(String code, String messageKey) {
		assertThatThrownBy(() -> ChineseIdentifiers.optionalCreditCode("creditCode", code))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("creditCode");
				assertThat(ex.messageKey()).isEqualTo(messageKey);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "91330100MA2AAAAA1", "91110108MA01XYW12" })
	void aValidCreditCodeIsReturnedInCapitalsWithoutSpaces(String first17) {
		String code = ChineseIdentifiers.withCreditCodeCheck(first17);
		String typed = code.toLowerCase().substring(0, 6) + " " + code.substring(6);
		assertThat(ChineseIdentifiers.optionalCreditCode("creditCode", typed)).isEqualTo(code);
	}

}
