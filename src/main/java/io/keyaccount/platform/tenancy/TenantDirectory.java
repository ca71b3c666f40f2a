package io.keyaccount.platform.tenancy;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every tenant's id, for background jobs that run once per company. */
@Component
public class TenantDirectory {

	private final JdbcTemplate jdbc;

	TenantDirectory(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Long> tenantIds() {
		return jdbc.queryForList("select id from tenant order by id", Long.class);
	}

}
