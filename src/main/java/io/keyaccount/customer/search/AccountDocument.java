package io.keyaccount.customer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.Session;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.orm.HibernateOrmExtension;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

import io.keyaccount.customer.domain.Account;

/**
 * The account's search document: its own names, codes, owner and list columns, and — denormalised — its
 * contacts' names, numbers, e-mails and notes, its latest follow-ups and its team. One document per account
 * means one index query answers a keyword search with data scope, filters, sort and paging.
 * <p>
 * Contacts, follow-ups and team members are read with SQL when the document is built, not through entity
 * associations (there are none: they hold a plain account id), so the document is built from what the
 * transaction has flushed; {@link RelatedDocuments} asks for the rebuild when one of them changes.
 */
class AccountDocument implements TypeBinder {

	static final String NAME = "name";

	static final String SHORT_NAME = "shortName";

	static final String CONTACT_NAME = "contactName";

	static final String NOTES = "notes";

	static final String PINYIN = "pinyin";

	static final String CONTACT_PINYIN = "contactPinyin";

	static final String NUMBER = "number";

	static final String EMAIL = "email";

	static final String OWNER_USER = "ownerUser";

	static final String OWNER_UNIT = "ownerUnit";

	static final String TEAM = "team";

	static final String IN_POOL = "inPool";

	static final String KEY_ACCOUNT = "keyAccount";

	static final String STATUS = "status";

	static final String INDUSTRY = "industry";

	static final String PROVINCE = "province";

	static final String TAG = "tag";

	static final String SORT_NAME = "sortName";

	static final String ID = "accountId";

	static final String CREATED_AT = "createdAt";

	static final String UPDATED_AT = "updatedAt";

	static final String LAST_FOLLOW_UP_AT = "lastFollowUpAt";

	static final String NEXT_FOLLOW_UP_ON = "nextFollowUpOn";

	/** Follow-ups whose text is indexed: the latest ones; older history is rarely what a search means. */
	static final int FOLLOW_UPS = 200;

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies()
			.use("name")
			.use("shortName")
			.use("creditCode")
			.use("phone")
			.use("ownerUserId")
			.use("ownerUnitId")
			.use("inPool")
			.use("keyAccount")
			.use("status")
			.use("industry")
			.use("provinceCode")
			.use("tags")
			.use("createdAt")
			.use("updatedAt")
			.use("lastFollowUpAt")
			.use("nextFollowUpOn");
		IndexFields fields = new IndexFields(context.indexSchemaElement(), context.typeFactory());
		context.bridge(Account.class, new Bridge(fields));
	}

	private static final class Bridge implements TypeBridge<Account> {

		private final IndexFieldReference<String> name;

		private final IndexFieldReference<String> shortName;

		private final IndexFieldReference<String> contactName;

		private final IndexFieldReference<String> notes;

		private final IndexFieldReference<String> pinyin;

		private final IndexFieldReference<String> contactPinyin;

		private final IndexFieldReference<String> number;

		private final IndexFieldReference<String> email;

		private final IndexFieldReference<Long> ownerUser;

		private final IndexFieldReference<Long> ownerUnit;

		private final IndexFieldReference<Long> team;

		private final IndexFieldReference<Boolean> inPool;

		private final IndexFieldReference<Boolean> keyAccount;

		private final IndexFieldReference<String> status;

		private final IndexFieldReference<String> industry;

		private final IndexFieldReference<String> province;

		private final IndexFieldReference<String> tag;

		private final IndexFieldReference<String> sortName;

		private final IndexFieldReference<Long> id;

		private final IndexFieldReference<Instant> createdAt;

		private final IndexFieldReference<Instant> updatedAt;

		private final IndexFieldReference<Instant> lastFollowUpAt;

		private final IndexFieldReference<LocalDate> nextFollowUpOn;

		Bridge(IndexFields fields) {
			name = fields.name(NAME, false);
			shortName = fields.name(SHORT_NAME, false);
			contactName = fields.name(CONTACT_NAME, true);
			notes = fields.text(NOTES);
			pinyin = fields.pinyinPrefixes(PINYIN);
			contactPinyin = fields.pinyinPrefixes(CONTACT_PINYIN);
			number = fields.terms(NUMBER);
			email = fields.terms(EMAIL);
			ownerUser = fields.id(OWNER_USER, false);
			ownerUnit = fields.id(OWNER_UNIT, false);
			team = fields.ids(TEAM);
			inPool = fields.flag(IN_POOL);
			keyAccount = fields.flag(KEY_ACCOUNT);
			status = fields.keyword(STATUS, true);
			industry = fields.keyword(INDUSTRY, false);
			province = fields.keyword(PROVINCE, false);
			tag = fields.terms(TAG);
			sortName = fields.keyword(SORT_NAME, true);
			id = fields.id(ID, true);
			createdAt = fields.instant(CREATED_AT);
			updatedAt = fields.instant(UPDATED_AT);
			lastFollowUpAt = fields.instant(LAST_FOLLOW_UP_AT);
			nextFollowUpOn = fields.date(NEXT_FOLLOW_UP_ON);
		}

		@Override
		public void write(DocumentElement target, Account account, TypeBridgeWriteContext context) {
			target.addValue(name, account.getName());
			// as the list sorts names, by pinyin
			target.addValue(sortName, account.getNamePinyin());
			target.addValue(id, account.getId());
			if (account.getShortName() != null) {
				target.addValue(shortName, account.getShortName());
			}
			Set<String> pinyins = new LinkedHashSet<>(SearchTerms.companyPinyin(account.getName()));
			pinyins.addAll(SearchTerms.companyPinyin(account.getShortName()));
			pinyins.forEach(value -> target.addValue(pinyin, value));
			Set<String> numbers = new LinkedHashSet<>(SearchTerms.numberPrefixes(account.getPhone()));
			numbers.addAll(SearchTerms.numberPrefixes(account.getCreditCode()));
			target.addValue(ownerUser, account.getOwnerUserId());
			target.addValue(ownerUnit, account.getOwnerUnitId());
			target.addValue(inPool, account.isInPool());
			target.addValue(keyAccount, account.isKeyAccount());
			target.addValue(status, account.getStatus().name());
			if (account.getIndustry() != null) {
				target.addValue(industry, account.getIndustry().name());
			}
			if (account.getProvinceCode() != null) {
				target.addValue(province, account.getProvinceCode());
			}
			account.tagSet().forEach(value -> target.addValue(tag, value));
			target.addValue(createdAt, account.getCreatedAt());
			target.addValue(updatedAt, account.getUpdatedAt());
			target.addValue(lastFollowUpAt, account.getLastFollowUpAt());
			target.addValue(nextFollowUpOn, account.getNextFollowUpOn());

			Session session = context.extension(HibernateOrmExtension.get()).session();
			Related known = NewAccountDocuments.related(account.getId());
			Related related = known != null ? known
					: session.doReturningWork(connection -> Related.of(connection, account.getId()));
			Set<String> contactPinyins = new LinkedHashSet<>();
			Set<String> emails = new LinkedHashSet<>();
			for (String contact : related.contactNames()) {
				target.addValue(contactName, contact);
				contactPinyins.addAll(SearchTerms.personPinyin(contact));
			}
			related.numbers().forEach(value -> numbers.addAll(SearchTerms.numberPrefixes(value)));
			related.emails().forEach(value -> emails.addAll(SearchTerms.emailPrefixes(value)));
			related.notes().forEach(value -> target.addValue(notes, value));
			related.team().forEach(value -> target.addValue(team, value));
			contactPinyins.forEach(value -> target.addValue(contactPinyin, value));
			numbers.forEach(value -> target.addValue(number, value));
			emails.forEach(value -> target.addValue(email, value));
		}

	}

	/** What the account's contacts, follow-ups and team add to its document. */
	record Related(List<String> contactNames, List<String> numbers, List<String> emails, List<String> notes,
			List<Long> team) {

		static Related empty() {
			return new Related(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>());
		}

		static Related of(Connection connection, long accountId) throws SQLException {
			Related related = empty();
			try (PreparedStatement contacts = connection.prepareStatement("""
					select name, mobile, phone, email, work_notes, life_notes, interests
					from contact where account_id = ? and deleted_at is null""")) {
				contacts.setLong(1, accountId);
				try (ResultSet rs = contacts.executeQuery()) {
					while (rs.next()) {
						related.addContact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
								rs.getString(5), rs.getString(6), rs.getString(7));
					}
				}
			}
			try (PreparedStatement followUps = connection.prepareStatement("""
					select summary, next_step from follow_up where account_id = ? and deleted_at is null
					order by happened_at desc fetch first %d rows only""".formatted(FOLLOW_UPS))) {
				followUps.setLong(1, accountId);
				try (ResultSet rs = followUps.executeQuery()) {
					while (rs.next()) {
						addIfPresent(related.notes, rs.getString(1));
						addIfPresent(related.notes, rs.getString(2));
					}
				}
			}
			try (PreparedStatement team = connection.prepareStatement(
					"select user_id from account_team_member where account_id = ? and deleted_at is null")) {
				team.setLong(1, accountId);
				try (ResultSet rs = team.executeQuery()) {
					while (rs.next()) {
						related.team.add(rs.getLong(1));
					}
				}
			}
			return related;
		}

		void addContact(String name, String mobile, String phone, String email, String workNotes, String lifeNotes,
				String interests) {
			contactNames.add(name);
			addIfPresent(numbers, mobile);
			addIfPresent(numbers, phone);
			addIfPresent(emails, email);
			addIfPresent(notes, workNotes);
			addIfPresent(notes, lifeNotes);
			addIfPresent(notes, interests);
		}

		private static void addIfPresent(List<String> values, String value) {
			if (value != null && !value.isBlank()) {
				values.add(value);
			}
		}

	}

}
