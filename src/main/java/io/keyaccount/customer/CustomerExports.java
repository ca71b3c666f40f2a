package io.keyaccount.customer;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.customer.domain.Account;
import io.keyaccount.customer.domain.Accounts;
import io.keyaccount.customer.domain.Contact;
import io.keyaccount.customer.domain.Contacts;
import io.keyaccount.customer.domain.Regions;
import io.keyaccount.customer.importing.ImportVocabulary;
import io.keyaccount.platform.files.XlsxWriter;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.UserQuery;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.web.Labelled;

/**
 * Exports of the account and contact lists to .xlsx: exactly the rows the list shows for the same filters and
 * data scope, a thousand at a time, with labels in the user's language and money as numbers. The account
 * columns carry the import template's headers, so an export can be edited and imported again.
 */
@Service
@Transactional(readOnly = true)
public class CustomerExports {

	private static final int PAGE = 1000;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final List<ImportColumn> ACCOUNT_COLUMNS = ImportColumn.templateOrder()
		.stream()
		.filter(c -> !c.isContact())
		.toList();

	private final CustomerManagement customers;

	private final ContactDirectory directory;

	private final Accounts accounts;

	private final Contacts contacts;

	private final Organisation organisation;

	private final Regions regions;

	private final CurrentUser currentUser;

	private final ImportVocabulary vocabulary;

	private final EntityManager entityManager;

	CustomerExports(CustomerManagement customers, ContactDirectory directory, Accounts accounts, Contacts contacts,
			Organisation organisation, Regions regions, CurrentUser currentUser, ImportVocabulary vocabulary,
			EntityManager entityManager) {
		this.customers = customers;
		this.directory = directory;
		this.accounts = accounts;
		this.contacts = contacts;
		this.organisation = organisation;
		this.regions = regions;
		this.currentUser = currentUser;
		this.vocabulary = vocabulary;
		this.entityManager = entityManager;
	}

	public void writeAccounts(AccountQuery query, Sort sort, OutputStream out) {
		requirePermission();
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, String> userNames = organisation.userNames();
		Map<Long, String> unitNames = organisation.unitNames();
		Map<Long, String> usernames = usernames();
		List<String> headers = new ArrayList<>(vocabulary.headerLabels(ACCOUNT_COLUMNS, locale));
		for (String key : List.of("account.owner", "account.ownerUnit", "account.keyAccount", "account.lastFollowUp",
				"account.nextFollowUp", "common.createdAt")) {
			headers.add(vocabulary.text(locale, key));
		}
		try (XlsxWriter xlsx = XlsxWriter.to(out)) {
			xlsx.sheet(vocabulary.text(locale, "export.accountsSheet"), headers, 16);
			scroll(accounts, customers.specification(query), sort, page -> page.forEach(account -> {
				List<Object> row = new ArrayList<>(headers.size());
				ACCOUNT_COLUMNS.forEach(column -> row.add(cell(account, column, usernames, locale)));
				row.add(userNames.get(account.getOwnerUserId()));
				row.add(unitNames.get(account.getOwnerUnitId()));
				row.add(vocabulary.text(locale, account.isKeyAccount() ? "common.yes" : "common.no"));
				row.add(format(account.getLastFollowUpAt()));
				row.add(format(account.getNextFollowUpOn()));
				row.add(format(account.getCreatedAt()));
				xlsx.row(row);
			}));
		}
	}

	public void writeContacts(String keyword, BuyingRole buyingRole, Sort sort, OutputStream out) {
		requirePermission();
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportColumn> columns = List.of(ImportColumn.CONTACT_NAME, ImportColumn.NAME, ImportColumn.CONTACT_TITLE,
				ImportColumn.CONTACT_DEPARTMENT, ImportColumn.CONTACT_MOBILE, ImportColumn.CONTACT_PHONE,
				ImportColumn.CONTACT_EMAIL, ImportColumn.CONTACT_WECHAT, ImportColumn.CONTACT_BUYING_ROLE,
				ImportColumn.CONTACT_ATTITUDE);
		List<String> headers = new ArrayList<>(vocabulary.headerLabels(columns, locale));
		headers.add(vocabulary.text(locale, "contact.left"));
		try (XlsxWriter xlsx = XlsxWriter.to(out)) {
			xlsx.sheet(vocabulary.text(locale, "export.contactsSheet"), headers, 16);
			scroll(contacts, directory.specification(keyword, buyingRole), sort, page -> {
				Map<Long, String> accountNames = accounts
					.findAllById(page.stream().map(Contact::getAccountId).collect(Collectors.toSet()))
					.stream()
					.collect(Collectors.toMap(Account::getId, Account::getName));
				page.forEach(c -> xlsx.row(java.util.Arrays.asList(c.getName(), accountNames.get(c.getAccountId()),
						c.getTitle(), c.getDepartment(), c.getMobile(), c.getPhone(), c.getEmail(), c.getWechat(),
						label(c.getBuyingRole(), locale), label(c.getAttitude(), locale),
						vocabulary.text(locale, c.isLeftCompany() ? "common.yes" : "common.no"))));
			});
		}
	}

	/** Reads the list page by page (offset scrolling, ordered by the list's sort and then id) and forgets each page. */
	private <T> void scroll(JpaSpecificationExecutor<T> repository, Specification<T> spec, Sort sort,
			java.util.function.Consumer<List<T>> pageHandler) {
		Sort order = (sort == null ? Sort.unsorted() : sort).and(Sort.by("id"));
		ScrollPosition position = ScrollPosition.offset();
		while (true) {
			ScrollPosition from = position;
			Window<T> window = repository.findBy(spec, q -> q.sortBy(order).limit(PAGE).scroll(from));
			pageHandler.accept(window.getContent());
			if (!window.hasNext() || window.isEmpty()) {
				break;
			}
			position = window.positionAt(window.size() - 1);
			entityManager.clear();
		}
	}

	private Object cell(Account account, ImportColumn column, Map<Long, String> usernames, Locale locale) {
		return switch (column) {
			case NAME -> account.getName();
			case SHORT_NAME -> account.getShortName();
			case CREDIT_CODE -> account.getCreditCode();
			case EXTERNAL_ID -> account.getExternalId();
			case INDUSTRY -> label(account.getIndustry(), locale);
			case PROVINCE -> regions.name(account.getProvinceCode());
			case CITY -> regions.name(account.getCityCode());
			case ADDRESS -> account.getAddress();
			case PHONE -> account.getPhone();
			case WEBSITE -> account.getWebsite();
			case EMPLOYEES -> account.getEmployees();
			case ANNUAL_REVENUE -> account.getAnnualRevenue();
			case OWNERSHIP_TYPE -> label(account.getOwnershipType(), locale);
			case STATUS -> label(account.getStatus(), locale);
			case SOURCE -> label(account.getSource(), locale);
			case PURCHASING_MODE -> label(account.getPurchasingMode(), locale);
			case PURCHASE_PATTERN -> label(account.getPurchasePattern(), locale);
			case TAGS -> String.join(",", account.tagSet());
			case OWNER -> usernames.get(account.getOwnerUserId());
			default -> null;
		};
	}

	private Map<Long, String> usernames() {
		Map<Long, String> usernames = new HashMap<>();
		organisation.users(new UserQuery(null, null, null), Pageable.unpaged())
			.forEach(u -> usernames.put(u.getId(), u.getUsername()));
		return usernames;
	}

	private String label(Labelled value, Locale locale) {
		return value == null ? null : vocabulary.label(value, locale);
	}

	private static String format(Instant instant) {
		return instant == null ? null : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
	}

	private static String format(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private void requirePermission() {
		if (!currentUser.require().can(CustomerPermissions.EXPORT)) {
			throw new AccessDeniedException(CustomerPermissions.EXPORT);
		}
	}

}
