package io.keyaccount.platform.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.audit.AuditVocabulary;
import io.keyaccount.platform.tenancy.TenantContext;

/** The audit log's words for users, units, roles and positions, and the names of users and units. */
@Component
class OrganisationAuditVocabulary implements AuditVocabulary {

	/** Reference kinds and the table and name column behind each; names of disabled or deleted rows too. */
	private static final Map<String, String[]> TABLES = Map.of("User", new String[] { "app_user", "display_name" },
			"OrgUnit", new String[] { "org_unit", "name" }, "PositionTitle", new String[] { "position_title", "name" },
			"Role", new String[] { "app_role", "name" });

	private final JdbcTemplate jdbc;

	OrganisationAuditVocabulary(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<AuditedType> types() {
		return List.of(
				new AuditedType("User",
						Map.of("username", "user.username", "displayName", "user.displayName", "email", "user.email",
								"mobile", "user.mobile", "unitId", "user.unit", "positionId", "user.position",
								"managerId", "user.manager", "locale", "user.locale", "enabled", "common.enabled",
								"lockedUntil", "user.lockedUntil"),
						Set.of("passwordHash", "failedLogins", "lastLoginAt", "roleIds", "rightsVersion", "signInVersion",
								"deletedAt"),
						Map.of("unitId", "OrgUnit", "positionId", "PositionTitle", "managerId", "User")),
				new AuditedType("OrgUnit",
						Map.of("parentId", "unit.parent", "name", "unit.name", "type", "unit.type", "sortOrder",
								"unit.sortOrder", "enabled", "common.enabled"),
						Set.of("deletedAt"), Map.of("parentId", "OrgUnit")),
				new AuditedType("Role",
						Map.of("code", "role.code", "name", "role.name", "dataScope", "role.dataScope"),
						Set.of("permissions", "deletedAt"), Map.of()),
				new AuditedType("PositionTitle", Map.of("name", "position.name"), Set.of("deletedAt"), Map.of()));
	}

	@Override
	public Map<String, String> names(String kind, Collection<String> keys, Locale locale) {
		String[] table = TABLES.get(kind);
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		keys.stream().filter(k -> k.matches("\\d{1,18}")).map(Long::valueOf).forEach(args::add);
		Map<String, String> names = new HashMap<>();
		if (table == null || args.size() == 1) {
			return names;
		}
		jdbc.query("select id, " + table[1] + " from " + table[0] + " where tenant_id = ? and id in ("
				+ String.join(", ", args.subList(1, args.size()).stream().map(a -> "?").toList()) + ")", rs -> {
					names.put(String.valueOf(rs.getLong(1)), rs.getString(2));
				}, args.toArray());
		return names;
	}

}
