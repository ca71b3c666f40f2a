package io.keyaccount.platform.validation;

import java.util.regex.Pattern;

/**
 * Checks for the identifiers Chinese business records carry: the unified social credit code
 * (统一社会信用代码, GB 32100-2015, with its check character), mainland mobile numbers and e-mail addresses.
 */
public final class ChineseIdentifiers {

	private static final String CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] CREDIT_CODE_WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30,
			28 };

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private ChineseIdentifiers() {
	}

	public static boolean isCreditCode(String code) {
		if (code == null || code.length() != 18) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			int value = CREDIT_CODE_CHARSET.indexOf(code.charAt(i));
			if (value < 0) {
				return false;
			}
			sum += value * CREDIT_CODE_WEIGHTS[i];
		}
		int check = (31 - sum % 31) % 31;
		return code.charAt(17) == CREDIT_CODE_CHARSET.charAt(check);
	}

	/** Appends the correct check character to 17 characters; used by demo data and tests. */
	public static String withCreditCodeCheck(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
		}
		return first17 + CREDIT_CODE_CHARSET.charAt((31 - sum % 31) % 31);
	}

	/** Accepts 13812345678, +86 138 1234 5678, 138-1234-5678. */
	public static boolean isMobile(String value) {
		return value != null && MOBILE.matcher(normalizeMobile(value)).matches();
	}

	public static String normalizeMobile(String value) {
		String digits = value.replaceAll("[\\s-]", "");
		return digits.startsWith("+86") ? digits.substring(3) : digits;
	}

	public static boolean isEmail(String value) {
		return value != null && EMAIL.matcher(value).matches();
	}

	/** Blank is allowed; anything else must be a mainland mobile number. Returns the normalised number. */
	public static String optionalMobile(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isMobile(value)) {
			throw new BusinessRuleException(field, "validation.mobile", value);
		}
		return normalizeMobile(value);
	}

	public static String optionalEmail(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!isEmail(value.trim())) {
			throw new BusinessRuleException(field, "validation.email", value);
		}
		return value.trim();
	}

}
