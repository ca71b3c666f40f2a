package io.keyaccount.platform.persistence;

import java.util.Locale;

import org.hibernate.exception.ConstraintViolationException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What to tell the user when the database refuses a change every check passed: two requests that took the same
 * unique value at once (two creates with one credit code), where the second is told what the check would have
 * told it. A unique constraint or index {@code ux_x} is explained by the message {@code constraint.ux_x}; any other
 * refusal by {@code error.dataRefused}.
 */
public final class DatabaseRefusals {

	private DatabaseRefusals() {
	}

	public static MessageSourceResolvable message(DataIntegrityViolationException ex) {
		String constraint = constraintName(ex);
		String[] codes = constraint == null ? new String[] { "error.dataRefused" }
				: new String[] { "constraint." + constraint, "error.dataRefused" };
		return new DefaultMessageSourceResolvable(codes, null, "error.dataRefused");
	}

	/**
	 * The constraint's name as the migrations spell it: H2 names the index with its schema, a suffix and maybe its
	 * table ({@code PUBLIC.UX_ACCOUNT_CREDIT_CODE_INDEX_8 ON PUBLIC.ACCOUNT(…)}), PostgreSQL as it is.
	 */
	static String constraintName(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
				String name = violation.getConstraintName().toLowerCase(Locale.ROOT).strip().split("\\s")[0];
				name = name.substring(name.lastIndexOf('.') + 1);
				return name.replaceFirst("_index_[0-9a-z]+$", "");
			}
		}
		return null;
	}

}
