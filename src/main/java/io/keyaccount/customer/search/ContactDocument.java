package io.keyaccount.customer.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

import io.keyaccount.customer.domain.Contact;

/**
 * The contact's search document: name, pinyin, numbers, e-mail and notes, plus — denormalised from its account —
 * what decides who may see it: the account's owner, owner unit and team, and whether the account is listed at
 * all (not in the pool, not in the recycle bin). {@link RelatedDocuments} rebuilds the contacts of an account
 * whose owner, pool state or team changes.
 */
class ContactDocument implements TypeBinder {

	static final String NAME = "name";

	static final String PINYIN = "pinyin";

	static final String NUMBER = "number";

	static final String EMAIL = "email";

	static final String NOTES = "notes";

	static final String ACCOUNT = "account";

	static final String OWNER_USER = "ownerUser";

	static final String OWNER_UNIT = "ownerUnit";

	static final String TEAM = "team";

	static final String LISTED = "listed";

	static final String BUYING_ROLE = "buyingRole";

	static final String SORT_NAME = "sortName";

	static final String ID = "contactId";

	static final String UPDATED_AT = "updatedAt";

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies()
			.use("name")
			.use("title")
			.use("mobile")
			.use("phone")
			.use("email")
			.use("workNotes")
			.use("lifeNotes")
			.use("interests")
			.use("accountId")
			.use("buyingRole")
			.use("updatedAt");
		IndexFields fields = new IndexFields(context.indexSchemaElement(), context.typeFactory());
		context.bridge(Contact.class, new Bridge(fields));
	}

	private static final class Bridge implements TypeBridge<Contact> {

		private final IndexFieldReference<String> name;

		private final IndexFieldReference<String> pinyin;

		private final IndexFieldReference<String> number;

		private final IndexFieldReference<String> email;

		private final IndexFieldReference<String> notes;

		private final IndexFieldReference<Long> account;

		private final IndexFieldReference<Long> ownerUser;

		private final IndexFieldReference<Long> ownerUnit;

		private final IndexFieldReference<Long> team;

		private final IndexFieldReference<Boolean> listed;

		private final IndexFieldReference<String> buyingRole;

		private final IndexFieldReference<String> sortName;

		private final IndexFieldReference<Long> id;

		private final IndexFieldReference<Instant> updatedAt;

		Bridge(IndexFields fields) {
			name = fields.name(NAME, false);
			pinyin = fields.pinyinPrefixes(PINYIN);
			number = fields.terms(NUMBER);
			email = fields.terms(EMAIL);
			notes = fields.text(NOTES);
			account = fields.id(ACCOUNT, false);
			ownerUser = fields.id(OWNER_USER, false);
			ownerUnit = fields.id(OWNER_UNIT, false);
			team = fields.ids(TEAM);
			listed = fields.flag(LISTED);
			buyingRole = fields.keyword(BUYING_ROLE, false);
			sortName = fields.keyword(SORT_NAME, true);
			id = fields.id(ID, true);
			updatedAt = fields.instant(UPDATED_AT);
		}

		@Override
		public void write(DocumentElement target, Contact contact, TypeBridgeWriteContext context) {
			target.addValue(name, contact.getName());
			target.addValue(sortName, contact.getNamePinyin());
			target.addValue(id, contact.getId());
			SearchTerms.personPinyin(contact.getName()).forEach(value -> target.addValue(pinyin, value));
			Set<String> numbers = new LinkedHashSet<>(SearchTerms.numberPrefixes(contact.getMobile()));
			numbers.addAll(SearchTerms.numberPrefixes(contact.getPhone()));
			numbers.forEach(value -> target.addValue(number, value));
			SearchTerms.emailPrefixes(contact.getEmail()).forEach(value -> target.addValue(email, value));
			for (String note : new String[] { contact.getTitle(), contact.getWorkNotes(), contact.getLifeNotes(),
					contact.getInterests() }) {
				if (note != null && !note.isBlank()) {
					target.addValue(notes, note);
				}
			}
			if (contact.getBuyingRole() != null) {
				target.addValue(buyingRole, contact.getBuyingRole().name());
			}
			target.addValue(updatedAt, contact.getUpdatedAt());
			target.addValue(account, contact.getAccountId());

			Session session = context.extension(HibernateOrmExtension.get()).session();
			Owner known = NewAccountDocuments.owner(contact.getAccountId());
			Owner owner = known != null ? known
					: session.doReturningWork(connection -> Owner.of(connection, contact.getAccountId()));
			target.addValue(listed, owner.listed());
			if (owner.listed()) {
				target.addValue(ownerUser, owner.userId());
				target.addValue(ownerUnit, owner.unitId());
				owner.team().forEach(member -> target.addValue(team, member));
			}
		}

	}

	/** Who sees the contact's account; {@code listed} is false for an account in the pool or the recycle bin. */
	record Owner(boolean listed, long userId, long unitId, List<Long> team) {

		static final Owner UNLISTED = new Owner(false, 0, 0, List.of());

		static Owner of(Connection connection, long accountId) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement("""
					select a.owner_user_id, a.owner_unit_id, a.in_pool, t.user_id from account a
					left join account_team_member t on t.account_id = a.id and t.deleted_at is null
					where a.id = ? and a.deleted_at is null""")) {
				statement.setLong(1, accountId);
				try (ResultSet rs = statement.executeQuery()) {
					if (!rs.next() || rs.getBoolean(3)) {
						return UNLISTED;
					}
					long userId = rs.getLong(1);
					long unitId = rs.getLong(2);
					List<Long> team = new ArrayList<>();
					do {
						long member = rs.getLong(4);
						if (!rs.wasNull()) {
							team.add(member);
						}
					}
					while (rs.next());
					return new Owner(true, userId, unitId, team);
				}
			}
		}

	}

}
