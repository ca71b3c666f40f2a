package io.keyaccount.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.Industry;
import io.keyaccount.platform.audit.AuditLines;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.audit.Unaudited;
import io.keyaccount.platform.persistence.BusinessEntity;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;

/** The audit log as an administrator reads it: labels, values in words, record names and who acted. */
@KeyaccountTest
class AuditLogPagesTests {

	/** Kept by Hibernate or the base class, never a change a person made. */
	private static final Set<String> BOOKKEEPING = Set.of("id", "tenantId", "version", "createdAt", "createdBy",
			"updatedAt", "updatedBy");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Organisation organisation;

	@Autowired
	AuditLines lines;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void signOut() {
		DemoUsers.signOut();
	}

	private long changedAccount(String name) {
		DemoUsers.signIn(staff, "chenjing");
		long id = customers.create(AccountMother.account(name).facts(), null, null, true);
		var facts = AccountMother.account(name).facts();
		long version = jdbc.queryForObject("select version from account where id = ?", Long.class, id);
		customers.update(id, new io.keyaccount.customer.AccountFacts(facts.name(), facts.shortName(),
				facts.creditCode(), facts.externalId(), Industry.MANUFACTURING, facts.provinceCode(), facts.cityCode(),
				facts.employees(), facts.annualRevenue(), facts.ownershipType(), facts.website(), facts.address(),
				facts.phone(), facts.source(), facts.status(), facts.purchasingMode(), facts.purchasePattern(),
				facts.tags()), null, version);
		customers.designateKeyAccount(id, true);
		DemoUsers.signOut();
		return id;
	}

	@Test
	void anAccountsChangesReadAsLabelsAndValuesInWords() throws Exception {
		long id = changedAccount("杭州审计演示科技有限公司");

		String page = mvc
			.perform(get("/admin/audit").param("entityType", "Account")
				.param("entityId", String.valueOf(id))
				.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String changes = cells(page, "audit-changes");
		assertThat(changes).contains("客户名称", "杭州审计演示科技有限公司", "行业", "通信", "制造业", "省份", "浙江省", "城市",
				"杭州市", "负责人", "陈静", "重点客户", "否", "是");
		assertThat(page).doesNotContain("namePinyin", "nameEndKey", "nameInitials", "normalizedName", "ownerUserId",
				"TELECOM", "MANUFACTURING", "330100", "\"industry\"", "{\"");
		assertThat(cells(page, "audit-record")).contains("客户", "杭州审计演示科技有限公司").doesNotContain("#" + id);
		assertThat(cells(page, "audit-actor")).contains("陈静").doesNotContain("chenjing");
	}

	@Test
	void theLogIsFilteredByTheActorsNameAsItShowsIt() throws Exception {
		long id = changedAccount("杭州审计筛选科技有限公司");

		for (String user : List.of("陈静", "chenjing")) {
			String page = mvc
				.perform(get("/admin/audit").param("entityId", String.valueOf(id))
					.param("entityType", "Account")
					.param("user", user)
					.with(DemoUsers.as(staff, "admin")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(cells(page, "audit-record")).contains("杭州审计筛选科技有限公司");
		}
		String nobody = mvc
			.perform(get("/admin/audit").param("entityId", String.valueOf(id))
				.param("entityType", "Account")
				.param("user", "黄婷")
				.with(DemoUsers.as(staff, "admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cells(nobody, "audit-record")).isEmpty();
	}

	@Test
	void inEnglishTheValuesAndRegionsAreEnglish() throws Exception {
		long id = changedAccount("杭州审计英文科技有限公司");

		String page = mvc
			.perform(get("/admin/audit").param("entityType", "Account")
				.param("entityId", String.valueOf(id))
				.sessionAttr(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME, Locale.ENGLISH)
				.with(DemoUsers.as(staff, "admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(cells(page, "audit-changes")).contains("Industry", "Telecommunications", "Manufacturing",
				"Zhejiang", "Hangzhou", "Key account", "No", "Yes")
			.doesNotContain("浙江", "杭州市", "制造业");
	}

	@Test
	void changesNoOneSignedInForAreTheSystems() throws Exception {
		var anonymous = SecurityContextHolder.createEmptyContext();
		anonymous.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		SecurityContextHolder.setContext(anonymous);
		long id = organisation.createPosition("系统审计岗位").getId();
		DemoUsers.signOut();

		assertThat(jdbc.queryForObject("select changed_by from audit_event where entity_type = 'PositionTitle'"
				+ " and entity_id = ?", String.class, id)).isEqualTo("system");
		String page = mvc
			.perform(get("/admin/audit").param("entityType", "PositionTitle")
				.param("entityId", String.valueOf(id))
				.with(DemoUsers.as(staff, "admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(cells(page, "audit-actor")).contains("系统").doesNotContain("anonymousUser");
		assertThat(cells(page, "audit-changes")).contains("岗位名称", "系统审计岗位");
	}

	@Test
	void everyAuditedFieldIsLabelledInBothLanguagesOrDeliberatelyHidden() {
		var types = lines.types();
		List<String> missing = new java.util.ArrayList<>();
		for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
			if (!BusinessEntity.class.isAssignableFrom(entity.getJavaType()) || onlyInTests(entity.getJavaType())
					|| entity.getJavaType().isAnnotationPresent(Unaudited.class)) {
				continue;
			}
			String name = entity.getJavaType().getSimpleName();
			var type = types.get(name);
			assertThat(type).as("audit vocabulary of " + name).isNotNull();
			assertThat(messages.getMessage("entity." + name, null, null, Locale.SIMPLIFIED_CHINESE)).isNotNull();
			Set<String> fields = new HashSet<>();
			for (Attribute<?, ?> attribute : entity.getAttributes()) {
				fields.add(attribute.getName());
			}
			fields.removeAll(BOOKKEEPING);
			for (String field : fields) {
				String label = type.labels().get(field);
				boolean hidden = type.hidden().contains(field);
				if (label == null == !hidden) {
					missing.add(name + "." + field + (hidden ? " is both labelled and hidden" : " has no label"));
				}
				for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
					if (label != null && messages.getMessage(label, null, null, locale) == null) {
						missing.add(name + "." + field + ": no " + locale + " text for " + label);
					}
				}
			}
			assertThat(fields).containsAll(type.labels().keySet());
		}
		assertThat(missing).isEmpty();
	}

	private static boolean onlyInTests(Class<?> type) {
		return type.getProtectionDomain().getCodeSource().getLocation().toString().contains("test-classes");
	}

	/** The text of the page's cells of one class, tags removed. */
	private static String cells(String page, String cssClass) {
		StringBuilder text = new StringBuilder();
		int at = 0;
		while ((at = page.indexOf("class=\"" + cssClass, at)) >= 0) {
			at = page.indexOf('>', at) + 1;
			int end = page.indexOf("</td>", at);
			end = end < 0 ? page.indexOf("</ul>", at) : end;
			text.append(page.substring(at, end).replaceAll("<[^>]+>", " ")).append('\n');
			at = end;
		}
		return text.toString();
	}

}
