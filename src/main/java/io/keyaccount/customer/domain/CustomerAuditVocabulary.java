package io.keyaccount.customer.domain;

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

/**
 * The audit log's words for accounts, contacts, follow-ups and account teams: the form's label of each field,
 * the search helpers (pinyin, normalised name) kept out, and names for accounts, contacts and regions.
 */
@Component
class CustomerAuditVocabulary implements AuditVocabulary {

	private static final int SUMMARY_SHOWN = 30;

	private final JdbcTemplate jdbc;

	private final Regions regions;

	CustomerAuditVocabulary(JdbcTemplate jdbc, Regions regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	@Override
	public List<AuditedType> types() {
		return List.of(new AuditedType("Account", Map.ofEntries(Map.entry("name", "account.name"),
				Map.entry("shortName", "account.shortName"), Map.entry("creditCode", "account.creditCode"),
				Map.entry("externalId", "account.externalId"), Map.entry("industry", "account.industry"),
				Map.entry("provinceCode", "account.province"), Map.entry("cityCode", "account.city"),
				Map.entry("employees", "account.employees"), Map.entry("annualRevenue", "account.annualRevenue"),
				Map.entry("ownershipType", "account.ownershipType"), Map.entry("website", "account.website"),
				Map.entry("address", "account.address"), Map.entry("phone", "account.phone"),
				Map.entry("source", "account.source"), Map.entry("status", "account.status"),
				Map.entry("purchasingMode", "account.purchasingMode"),
				Map.entry("purchasePattern", "account.purchasePattern"), Map.entry("parentId", "account.parent"),
				Map.entry("keyAccount", "account.keyAccount"), Map.entry("tags", "account.tags"),
				Map.entry("inPool", "account.inPool"), Map.entry("pooledAt", "account.pooledAt"),
				Map.entry("nextFollowUpOn", "account.nextFollowUp"), Map.entry("ownerUserId", "account.owner"),
				Map.entry("ownerUnitId", "account.ownerUnit")),
				// search helpers derived from the name, and the time of the last follow-up (logged on its own)
				Set.of("normalizedName", "nameEndKey", "namePinyin", "nameInitials", "lastFollowUpAt", "deletedAt"),
				Map.of("provinceCode", "Region", "cityCode", "Region", "parentId", "Account", "ownerUserId", "User",
						"ownerUnitId", "OrgUnit")),
				new AuditedType("Contact", Map.ofEntries(Map.entry("accountId", "contact.account"),
						Map.entry("name", "contact.name"), Map.entry("title", "contact.title"),
						Map.entry("department", "contact.department"), Map.entry("mobile", "contact.mobile"),
						Map.entry("phone", "contact.phone"), Map.entry("email", "contact.email"),
						Map.entry("wechat", "contact.wechat"), Map.entry("buyingRole", "contact.buyingRole"),
						Map.entry("influence", "contact.influence"), Map.entry("attitude", "contact.attitude"),
						Map.entry("relationshipStrength", "contact.relationshipStrength"),
						Map.entry("reportsToId", "contact.reportsTo"), Map.entry("workNotes", "contact.workNotes"),
						Map.entry("lifeNotes", "contact.lifeNotes"), Map.entry("interests", "contact.interests"),
						Map.entry("birthday", "contact.birthday"), Map.entry("leftCompany", "contact.left"),
						Map.entry("leftOn", "contact.leftOnDate")),
						Set.of("namePinyin", "nameInitials", "deletedAt"),
						Map.of("accountId", "Account", "reportsToId", "Contact")),
				new AuditedType("FollowUp", Map.ofEntries(Map.entry("accountId", "contact.account"),
						Map.entry("kind", "followUp.kind"), Map.entry("happenedAt", "followUp.when"),
						Map.entry("authorUserId", "followUp.author"),
						Map.entry("ourParticipants", "followUp.ourParticipants"),
						Map.entry("participantUserIds", "followUp.participantUsers"),
						Map.entry("contactIds", "followUp.theirParticipants"), Map.entry("summary", "followUp.summary"),
						Map.entry("nextStep", "followUp.nextStep"), Map.entry("nextFollowUpOn", "followUp.nextDate"),
						Map.entry("assigneeUserId", "followUp.assignee")),
						Set.of("deletedAt"), Map.of("accountId", "Account", "authorUserId", "User", "contactIds",
								"Contact", "assigneeUserId", "User", "participantUserIds", "User")),
				new AuditedType("AccountTeamMember",
						Map.of("accountId", "contact.account", "userId", "account.member", "role", "account.memberRole"),
						Set.of("deletedAt"), Map.of("accountId", "Account", "userId", "User")));
	}

	@Override
	public Map<String, String> names(String kind, Collection<String> keys, Locale locale) {
		Map<String, String> names = new HashMap<>();
		switch (kind) {
			case "Region" -> keys.forEach(code -> {
				String name = regions.name(code, locale);
				if (!name.isEmpty()) {
					names.put(code, name);
				}
			});
			case "Account" -> query("select id, name from account where tenant_id = ? and id in", keys, names);
			case "Contact" -> query("select id, name from contact where tenant_id = ? and id in", keys, names);
			case "FollowUp" -> query("select f.id, a.name, f.summary from follow_up f join account a on a.id = f.account_id"
					+ " where f.tenant_id = ? and f.id in", keys, names);
			case "AccountTeamMember" -> query("select m.id, a.name, u.display_name from account_team_member m"
					+ " join account a on a.id = m.account_id join app_user u on u.id = m.user_id"
					+ " where m.tenant_id = ? and m.id in", keys, names);
			default -> {
			}
		}
		return names;
	}

	/** Names by id; a second column is shown after the first (the account of a follow-up or team member). */
	private void query(String sql, Collection<String> keys, Map<String, String> names) {
		List<Object> args = new ArrayList<>();
		args.add(TenantContext.currentTenant());
		keys.stream().filter(k -> k.matches("\\d{1,18}")).map(Long::valueOf).forEach(args::add);
		if (args.size() == 1) {
			return;
		}
		jdbc.query(sql + " (" + String.join(", ", args.subList(1, args.size()).stream().map(a -> "?").toList()) + ")",
				rs -> {
					String name = rs.getString(2);
					if (rs.getMetaData().getColumnCount() > 2) {
						String detail = rs.getString(3);
						name = name + " · " + (detail.length() > SUMMARY_SHOWN ? detail.substring(0, SUMMARY_SHOWN) + "…" : detail);
					}
					names.put(String.valueOf(rs.getLong(1)), name);
				}, args.toArray());
	}

}
