package io.keyaccount.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** A unique clash the checks could not see (two creates at once) is explained by its constraint's message. */
class DatabaseRefusalsTests {

	@Test
	void theConstraintIsNamedAsTheMigrationsSpellItOnBothDatabases() {
		assertThat(DatabaseRefusals.message(clash("PUBLIC.UX_ACCOUNT_CREDIT_CODE_INDEX_8")).getCodes())
			.containsExactly("constraint.ux_account_credit_code", "error.dataRefused");
		assertThat(DatabaseRefusals.message(clash("PUBLIC.UX_ACCOUNT_CREDIT_CODE ON PUBLIC.ACCOUNT(CREDIT_CODE)")).getCodes())
			.containsExactly("constraint.ux_account_credit_code", "error.dataRefused");
		assertThat(DatabaseRefusals.message(clash("ux_account_credit_code")).getCodes())
			.containsExactly("constraint.ux_account_credit_code", "error.dataRefused");
	}

	@Test
	void aRefusalWithoutAConstraintIsExplainedInGeneral() {
		assertThat(DatabaseRefusals.message(new DataIntegrityViolationException("value too long")).getCodes())
			.containsExactly("error.dataRefused");
	}

	private static DataIntegrityViolationException clash(String constraint) {
		return new DataIntegrityViolationException("clash",
				new ConstraintViolationException("clash", new SQLException("clash", "23505"), constraint));
	}

}
