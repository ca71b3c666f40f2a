package io.keyaccount;

import static io.keyaccount.AuthorisationMatrixTests.Access.CHANGE;
import static io.keyaccount.AuthorisationMatrixTests.Access.DISPOSE;
import static io.keyaccount.AuthorisationMatrixTests.Access.READ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;

import io.keyaccount.customer.AccountMother;
import io.keyaccount.customer.ContactBook;
import io.keyaccount.customer.ContactDetails;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.customer.CustomerPool;
import io.keyaccount.customer.FollowUpKind;
import io.keyaccount.customer.TeamRole;
import io.keyaccount.customer.domain.FollowUp;
import io.keyaccount.customer.domain.FollowUps;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.NotificationRequest;
import io.keyaccount.notify.Notifications;
import io.keyaccount.notify.NotifyPermissions;
import io.keyaccount.notify.RecordReference;
import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Organisation.UnitCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.UnitType;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.ApiTokens;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.security.PermissionCatalog;
import io.keyaccount.platform.security.PlatformPermissions;
import io.keyaccount.platform.setup.Installation;
import io.keyaccount.platform.setup.Installation.InstallCommand;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.support.DemoUsers;
import io.keyaccount.support.KeyaccountTest;
import io.keyaccount.value.ValuePermissions;
import io.keyaccount.value.domain.LedgerImport;
import io.keyaccount.value.domain.Playbooks;
import io.keyaccount.value.domain.Tier;
import io.keyaccount.value.domain.ValueSettings;

/**
 * The authorisation matrix: every endpoint of the application (enumerated from its own request mappings, so a new
 * endpoint without an entry in {@link #policy()} fails the build) × every role of the demo company × every relation
 * of a record to the user, each answer compared with what the policy expects.
 * <p>
 * The policy (ADR 0004, ADR 0014 "seeing is not changing"): a user <b>reads</b> the accounts in his role's data scope
 * (own / own unit / unit and below / all) and those whose account team he is on; everyone who reads customers sees
 * pool accounts; recycle-bin records only through the recycle bin; never another tenant's. He <b>changes</b> (facts,
 * contacts, follow-ups, ledger rows; the forms for them too) the accounts his scope covers and those whose team he
 * is on, a pool account only with the {@code ALL} scope (everyone else claims it). He <b>disposes</b> of an account
 * (recycle bin, transfer, release, its team, merging it away) only when his scope covers it: team members work on an
 * account, they do not give it away. Deleting, and merging, needs {@code customer.delete} as well. A hidden record
 * answers 404, a seen but unchangeable one 403; a refused write changes nothing, and a refused answer never names
 * the record. A ledger import reports a row for an account the importer may not change as "找不到对应的客户". A
 * notification is its recipient's alone, whatever his scope: another user's is not found and stays unread; one about
 * an account names the account only while its reader reads it.
 * <p>
 * The roles acting are the demo company's and the matrix's own user administrator ({@link #ACTING_ROLES}), not those
 * other test classes create, so the number of cases does not depend on the order the classes run in.
 * <p>
 * Each role acts through a user of its own in a unit built for the matrix ("矩阵测试部"), so the relations are the same
 * for every role: a colleague in that unit, a subordinate in the unit below, a stranger in a unit beside it, a
 * second company (tenant). The records of each relation are built once and rebuilt only after a case changed them.
 */
@KeyaccountTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

	/** How a record relates to the acting user. */
	enum Relation {
		OWN, SAME_UNIT, UNIT_BELOW, OTHER_UNIT, ACCOUNT_TEAM, POOL, RECYCLE_BIN, OTHER_TENANT
	}

	/** How another user relates to the acting user, for endpoints that act on people (owner, leaver, token holder). */
	enum Person {
		SELF, SAME_UNIT, UNIT_BELOW, OTHER_UNIT, DISABLED_IN_UNIT, OTHER_TENANT
	}

	/** The user an administration endpoint acts on: one with no role, or an administrator. */
	enum Managed {
		PLAIN_USER, ADMINISTRATOR
	}

	/** What an endpoint does to an account (ADR 0014): each level implies the one before. */
	enum Access {
		READ, CHANGE, DISPOSE
	}

	/** Whose background import a per-job endpoint is asked about. */
	enum JobOwner {
		OWN, ANOTHER_USER
	}

	/** What a case must answer. */
	enum Expect {
		/** 2xx or 3xx, and a write's change is in the database. */
		ALLOWED,
		/** 403 or 404 (or, where the rule says so, a message in the page); nothing changed, the record not named. */
		REFUSED,
		/** As refused, and as 404: the user has the permission but may not know the record exists. */
		HIDDEN
	}

	/** What a visitor who has not signed in gets. */
	enum SignedOut {
		/** The sign-in page (web) or 401 (API). */
		SIGN_IN,
		/** The page itself. */
		OPEN,
		/** Either: the product decides and documents it. */
		EITHER
	}

	/** How an endpoint shows a refusal. */
	enum Refusal {
		/** 403 (no permission) or 404 (no such record for this user). */
		STATUS,
		/** The refusal is a message on the page or a toast after a redirect; only the database tells. */
		IN_PAGE
	}

	private static final String PASSWORD = "Matrix#Fixture-2026x";

	private static final String NO_TARGET = "—";

	/**
	 * The roles that act: the demo company's (DemoOrganisation, with the installation's administrator) and the
	 * matrix's own user administrator, in this order.
	 */
	private static final List<String> ACTING_ROLES = List.of(Installation.ADMIN_ROLE, "GENERAL_MANAGER",
			"SALES_DIRECTOR", "KEY_ACCOUNT_MANAGER", "SALES", "RND_EVALUATOR", "MX_USER_ADMIN");

	/** Whose notifications the notification centre is asked about: his own, a colleague's his scope covers, a stranger's. */
	private static final List<Person> NOTIFIED = List.of(Person.SELF, Person.SAME_UNIT, Person.OTHER_TENANT);

	/** The title of the matrix's notifications: one argument, so each case's title is its own. */
	private static final String NOTIFICATION_TITLE = "notification.accountTransferred";

	/** What the ledger import says of a row whose account the importer may not change, as of one that does not exist. */
	private static final String NO_SUCH_ACCOUNT = "找不到对应的客户";

	@Autowired
	WebApplicationContext context;

	/** The shared context's MockMvc, but without printing each of thousands of requests when a case fails. */
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService staff;

	@Autowired
	Organisation organisation;

	@Autowired
	PermissionCatalog catalog;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ContactBook contacts;

	@Autowired
	CustomerPool pool;

	@Autowired
	Installation installation;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Playbooks playbooks;

	@Autowired
	LedgerImport ledgerImport;

	@Autowired
	FollowUps followUps;

	@Autowired
	Notifications notifications;

	@Autowired
	MessageSource messages;

	private final AtomicInteger serial = new AtomicInteger();

	private int built;

	private long buildingNanos;

	private final List<Actor> actors = new ArrayList<>();

	private final Map<String, Long> users = new HashMap<>();

	private final Map<String, Fixture> fixtures = new HashMap<>();

	private final Map<Person, Long> personTokens = new EnumMap<>(Person.class);

	private long matrixUnit;

	private long foreignTenant;

	private Role userAdminRole;

	// ---- the policy

	/**
	 * Every endpoint of the application with what it needs. A new endpoint gets an entry here: {@code onAccount} when
	 * it reads, changes or deletes an account or what hangs off it (the expectations follow from the access and the
	 * permissions), {@code listing} for a list or search, {@code onPerson} when it acts on another user, {@code gate}
	 * when only a permission decides; several entries for one endpoint are its {@code variant}s.
	 */
	List<Rule> policy() {
		List<Rule> rules = new ArrayList<>();
		String view = CustomerPermissions.VIEW;
		String edit = CustomerPermissions.EDIT;

		// accounts: the 360° page, its API, its tabs
		rules.add(onAccount("GET /customers/accounts/{id}", READ, Set.of(view),
				c -> get("/customers/accounts/" + c.account())));
		rules.add(onAccount("GET /api/v1/accounts/{id}", READ, Set.of(view), c -> get("/api/v1/accounts/" + c.account())));
		rules.add(onAccount("GET /api/v1/accounts/{id}/contacts", READ, Set.of(view),
				c -> get("/api/v1/accounts/" + c.account() + "/contacts")));
		rules.add(onAccount("GET /api/v1/accounts/{id}/follow-ups", READ, Set.of(view),
				c -> get("/api/v1/accounts/" + c.account() + "/follow-ups")));
		rules.add(onAccount("GET /value/accounts/{id}/tab", READ, Set.of(ValuePermissions.VIEW),
				c -> get("/value/accounts/" + c.account() + "/tab")));
		rules.add(onAccount("GET /customers/contacts/{id}", READ, Set.of(view),
				c -> get("/customers/contacts/" + c.contact())));
		rules.add(onAccount("GET /api/v1/contacts/{id}", READ, Set.of(view), c -> get("/api/v1/contacts/" + c.contact())));
		// lists and searches: a record is listed to whoever reads it (pool accounts in the pool, not in "all accounts")
		rules.add(listing("GET /customers/accounts", Set.of(view), (actor, r) -> reads(actor, r) && r != Relation.POOL,
				c -> get("/customers/accounts").param("keyword", c.fixture().name()), Fixture::name));
		rules.add(listing("GET /api/v1/accounts", Set.of(view), (actor, r) -> reads(actor, r) && r != Relation.POOL,
				c -> get("/api/v1/accounts").param("keyword", c.fixture().name()), Fixture::name));
		rules.add(listing("GET /customers/pool", Set.of(CustomerPermissions.POOL), (actor, r) -> r == Relation.POOL,
				c -> get("/customers/pool").param("keyword", c.fixture().name()), Fixture::name));
		rules.add(listing("GET /customers/contacts", Set.of(view), (actor, r) -> reads(actor, r) && r != Relation.POOL,
				c -> get("/customers/contacts").param("keyword", c.fixture().contactName()), Fixture::contactName));
		rules.add(listing("GET /api/v1/search", Set.of(view), AuthorisationMatrixTests::reads,
				c -> get("/api/v1/search").param("q", c.fixture().name()), Fixture::name));
		rules.add(listing("GET /search", Set.of(), (actor, r) -> actor.permissions().contains(view) && reads(actor, r),
				c -> get("/search").param("q", c.fixture().name()), Fixture::name));
		// forms follow the rule of the write they lead to: offered only to whoever may make it
		rules.add(onAccount("GET /customers/accounts/{id}/edit", CHANGE, Set.of(view, edit),
				c -> get("/customers/accounts/" + c.account() + "/edit")).aForm());
		// the account in the address is the one kept; merging needs both permissions, refused before the record
		rules.add(onAccount("GET /customers/accounts/{id}/merge", CHANGE, Set.of(view, edit, CustomerPermissions.DELETE),
				c -> get("/customers/accounts/" + c.account() + "/merge")).aForm());
		rules.add(onAccount("GET /customers/contacts/new", CHANGE, Set.of(view, edit),
				c -> get("/customers/contacts/new").param("accountId", c.accountText())).aForm());
		rules.add(onAccount("GET /customers/contacts/{id}/edit", CHANGE, Set.of(view, edit),
				c -> get("/customers/contacts/" + c.contact() + "/edit")).aForm());
		// a follow-up the user wrote, within the edit window: corrected or deleted while he may change the account
		rules.add(onAccount("GET /customers/accounts/{accountId}/follow-ups/{id}/edit", CHANGE, Set.of(view, edit),
				c -> get(followUpPath(c) + "/edit")).aForm());
		rules.add(onAccount("POST /customers/accounts/{accountId}/follow-ups/{id}", CHANGE, Set.of(view, edit),
				c -> post(followUpPath(c)).param("kind", FollowUpKind.VISIT.name())
					.param("summary", "矩阵改写跟进" + c.serial())
					.param("version", text("select version from follow_up where id = " + c.followUp())))
			.probe(this::followUpState));
		rules.add(onAccount("POST /customers/accounts/{accountId}/follow-ups/{id}/delete", CHANGE, Set.of(view, edit),
				c -> post(followUpPath(c) + "/delete"))
			.probe(this::followUpState));
		rules.add(onAccount("POST /customers/accounts/{accountId}/follow-ups/{id}/delete", CHANGE, Set.of(view, edit),
				c -> post(followUpPath(c.colleague()) + "/delete"))
			.variant("a colleague's")
			.probe(c -> followUpState(c.colleague()))
			.refusedWhere((actor, target) -> true, "only its author changes a follow-up"));

		// changing an account and what hangs off it
		rules.add(onAccount("POST /customers/accounts/{id}", CHANGE, Set.of(view, edit),
				c -> accountForm(post("/customers/accounts/" + c.account()), c.fresh("改名"))
					.param("version", c.accountVersion())));
		rules.add(onAccount("PUT /api/v1/accounts/{id}", CHANGE, Set.of(view, edit),
				c -> json(put("/api/v1/accounts/" + c.account()), accountJson(c.fresh("改名"), null, null, c.accountVersion()))));
		rules.add(onAccount("POST /customers/accounts/{id}/key-account", CHANGE, Set.of(view, edit),
				c -> post("/customers/accounts/" + c.account() + "/key-account").param("keyAccount", "true")));
		// the team is the owner's side to decide: its members do not choose who else joins
		rules.add(onAccount("POST /customers/accounts/{id}/team", DISPOSE, Set.of(view, edit),
				c -> post("/customers/accounts/" + c.account() + "/team").param("userId", c.user("mx-newmember"))
					.param("role", TeamRole.TECHNICAL.name()))
			.notOn(Relation.POOL, "a pool account has no team"));
		rules.add(onAccount("POST /customers/accounts/{id}/team/{memberId}/delete", DISPOSE, Set.of(view, edit),
				c -> post("/customers/accounts/" + c.account() + "/team/" + c.fixture().member() + "/delete"))
			.notOn(Relation.POOL, "a pool account has no team"));
		rules.add(onAccount("POST /customers/accounts/{id}/follow-ups", CHANGE, Set.of(view, edit),
				c -> post("/customers/accounts/" + c.account() + "/follow-ups").param("kind", "CALL")
					.param("summary", "矩阵测试电话沟通")));
		rules.add(onAccount("POST /api/v1/accounts/{id}/follow-ups", CHANGE, Set.of(view, edit),
				c -> json(post("/api/v1/accounts/" + c.account() + "/follow-ups"),
						"{\"kind\":\"CALL\",\"summary\":\"矩阵测试电话沟通\"}")));
		rules.add(onAccount("POST /customers/contacts", CHANGE, Set.of(view, edit),
				c -> post("/customers/contacts").param("accountId", c.accountText()).param("name", "矩阵新联系人")
					.param("version", "0")));
		rules.add(onAccount("POST /api/v1/accounts/{id}/contacts", CHANGE, Set.of(view, edit),
				c -> json(post("/api/v1/accounts/" + c.account() + "/contacts"), "{\"name\":\"矩阵新联系人\"}")));
		rules.add(onAccount("POST /customers/contacts/{id}", CHANGE, Set.of(view, edit),
				c -> post("/customers/contacts/" + c.contact()).param("accountId", c.accountText())
					.param("name", "矩阵改名联系人").param("version", c.contactVersion())));
		rules.add(onAccount("PUT /api/v1/contacts/{id}", CHANGE, Set.of(view, edit),
				c -> json(put("/api/v1/contacts/" + c.contact()),
						"{\"name\":\"矩阵改名联系人\",\"version\":" + c.contactVersion() + "}")));
		rules.add(onAccount("POST /customers/contacts/{id}/left", CHANGE, Set.of(view, edit),
				c -> post("/customers/contacts/" + c.contact() + "/left")));
		rules.add(onAccount("POST /customers/accounts/transfer", DISPOSE, Set.of(CustomerPermissions.TRANSFER),
				c -> post("/customers/accounts/transfer").param("ids", c.accountText())
					.param("toUserId", c.user("mx-successor"))));
		rules.add(onAccount("POST /customers/pool/release", DISPOSE, Set.of(CustomerPermissions.POOL),
				c -> post("/customers/pool/release").param("ids", c.accountText()).param("reason", "矩阵测试")));
		rules.add(onAccount("POST /value/accounts/{id}/profile", CHANGE, Set.of(ValuePermissions.SETTINGS),
				c -> post("/value/accounts/" + c.account() + "/profile").param("referenceValue", "3")
					.param("coDevelopment", "2").param("industryInfluence", "1")));
		// the ledger import: the upload's dry run, then the import of the checked file; a row for an account the
		// importer may not change is reported as one naming no account, and nothing is written for it
		rules.add(onAccount("POST /value/ledger/import", CHANGE, Set.of(ValuePermissions.IMPORT), this::checkedLedgerImport)
			.refusedInPage()
			.namesWhatTheUserTyped()
			.refusalSays(NO_SUCH_ACCOUNT));
		// a background import is its starter's: anyone else is told it does not exist
		rules.add(onJob("POST /value/ledger/import/jobs/{jobId}",
				c -> post("/value/ledger/import/jobs/" + c.ledgerJob().id()),
				c -> count("select count(*) from value_transaction where reference = '" + c.ledgerJob().reference() + "'")));
		rules.add(onJob("GET /value/ledger/import/jobs/{jobId}",
				c -> get("/value/ledger/import/jobs/" + c.ledgerJob().id()), null));
		rules.add(onJob("GET /value/ledger/import/jobs/{jobId}/errors",
				c -> get("/value/ledger/import/jobs/" + c.ledgerJob().id() + "/errors"), null));

		// deleting needs customer.delete; an account goes to the recycle bin only by whom its scope covers, a contact
		// by whoever may change the account; merging deletes the merged account (the kept one is the actor's own)
		rules.add(onAccount("POST /customers/accounts/{id}/delete", DISPOSE, Set.of(view, CustomerPermissions.DELETE),
				c -> post("/customers/accounts/" + c.account() + "/delete")));
		rules.add(onAccount("DELETE /api/v1/accounts/{id}", DISPOSE, Set.of(view, CustomerPermissions.DELETE),
				c -> delete("/api/v1/accounts/" + c.account())));
		rules.add(onAccount("POST /customers/contacts/{id}/delete", CHANGE, Set.of(view, CustomerPermissions.DELETE),
				c -> post("/customers/contacts/" + c.contact() + "/delete")));
		rules.add(onAccount("POST /customers/accounts/{id}/merge", DISPOSE, Set.of(view, edit, CustomerPermissions.DELETE),
				c -> post("/customers/accounts/" + c.keeper().account() + "/merge").param("mergedId", c.accountText()))
			.alsoTouches("KEEPER"));

		// the pool and the recycle bin: the one relation each acts on
		rules.add(onAccount("POST /customers/pool/{id}/claim", CHANGE, Set.of(CustomerPermissions.POOL),
				c -> post("/customers/pool/" + c.account() + "/claim"))
			.onlyFor(Relation.POOL));
		rules.add(onAccount("POST /admin/recycle-bin/{type}/{id}/restore", CHANGE, Set.of(PlatformPermissions.RECYCLE_BIN),
				c -> post("/admin/recycle-bin/account/" + c.account() + "/restore"))
			.onlyFor(Relation.RECYCLE_BIN));
		rules.add(onAccount("POST /admin/recycle-bin/{type}/{id}/purge", DISPOSE, Set.of(PlatformPermissions.RECYCLE_BIN),
				c -> post("/admin/recycle-bin/account/" + c.account() + "/purge"))
			.onlyFor(Relation.RECYCLE_BIN));

		// creating: a parent the user cannot see is "not found", never named; the owner must be in his scope
		rules.add(onAccount("POST /customers/accounts", CHANGE, Set.of(view, edit),
				c -> accountForm(post("/customers/accounts"), c.fresh("子公司")).param("parentId", c.accountText())
					.param("duplicatesConfirmed", "true").param("version", "0"))
			.variant("parentId")
			.readingSuffices()
			.refusedInPage()
			.probe(c -> count("select count(*) from account")));
		rules.add(onAccount("POST /api/v1/accounts", CHANGE, Set.of(view, edit),
				c -> json(post("/api/v1/accounts").param("duplicatesConfirmed", "true"),
						accountJson(c.fresh("子公司"), c.account(), null, null)))
			.variant("parentId")
			.readingSuffices()
			.refusedInPage()
			.probe(c -> count("select count(*) from account")));
		// a taken credit code, or a likely duplicate, is named only to whoever may read the account holding it
		rules.add(onAccount("POST /customers/accounts", READ, Set.of(view, edit),
				c -> accountForm(post("/customers/accounts"), c.fresh("重复代码")).param("creditCode", c.fixture().creditCode())
					.param("duplicatesConfirmed", "true").param("version", "0"))
			.variant("creditCode taken")
			.namesOnlyWhatTheUserReads());
		rules.add(onAccount("POST /api/v1/accounts", READ, Set.of(view, edit),
				c -> json(post("/api/v1/accounts").param("duplicatesConfirmed", "true"),
						accountJson(c.fresh("重复代码"), null, null, null)
							.replace("{", "{\"creditCode\":\"" + c.fixture().creditCode() + "\",")))
			.variant("creditCode taken")
			.namesOnlyWhatTheUserReads());
		rules.add(onAccount("POST /customers/accounts", READ, Set.of(view, edit),
				c -> accountForm(post("/customers/accounts"), c.fresh("重复电话")).param("phone", c.fixture().phone())
					.param("version", "0"))
			.variant("duplicate phone")
			.namesOnlyWhatTheUserReads());
		rules.add(onPerson("POST /customers/accounts", Set.of(view, edit), (actor, person) -> inScope(actor, person)
				&& person != Person.DISABLED_IN_UNIT,
				c -> accountForm(post("/customers/accounts"), c.fresh("指定负责人")).param("ownerUserId", c.personText())
					.param("duplicatesConfirmed", "true").param("version", "0"),
				c -> count("select count(*) from account where owner_user_id = " + c.person())).variant("ownerUserId"));
		rules.add(onPerson("POST /api/v1/accounts", Set.of(view, edit), (actor, person) -> inScope(actor, person)
				&& person != Person.DISABLED_IN_UNIT,
				c -> json(post("/api/v1/accounts").param("duplicatesConfirmed", "true"),
						accountJson(c.fresh("指定负责人"), null, c.person(), null)),
				c -> count("select count(*) from account where owner_user_id = " + c.person())).variant("ownerUserId"));
		// a leaver's hand-over moves only accounts of people in the actor's scope
		rules.add(onPerson("POST /customers/handover", Set.of(CustomerPermissions.TRANSFER), this::inScope,
				c -> post("/customers/handover").param("fromUserId", c.personText())
					.param("toUserId", c.user("mx-successor")),
				c -> count("select count(*) from account where deleted_at is null and owner_user_id = " + c.person())));
		// a personal token is revoked by its holder only
		rules.add(onPerson("POST /profile/tokens/{id}/revoke", Set.of(), (actor, person) -> person == Person.SELF,
				c -> post("/profile/tokens/" + c.token() + "/revoke"),
				c -> count("select count(*) from api_token where revoked_at is null and id = " + c.token())));

		// the notification centre: every signed-in user, his own notifications only; another user's, even one his
		// scope covers, is not found (the pages say so in a toast after a redirect) and stays unread
		rules.add(onNotification("GET /notifications", c -> {
			c.notification();
			return get("/notifications");
		}, null).listing(c -> c.notificationTitle(c.notificationSubject())));
		rules.add(onNotification("GET /api/v1/notifications", c -> {
			c.notification();
			return get("/api/v1/notifications");
		}, null).listing(c -> c.notificationTitle(c.notificationSubject())));
		rules.add(onNotification("POST /notifications/{id}/open", c -> post("/notifications/" + c.notification() + "/open"),
				this::notificationUnread).refusedInPage());
		rules.add(onNotification("POST /notifications/{id}/read", c -> post("/notifications/" + c.notification() + "/read"),
				this::notificationUnread).refusedInPage());
		rules.add(onNotification("POST /api/v1/notifications/{id}/read",
				c -> post("/api/v1/notifications/" + c.notification() + "/read"), this::notificationUnread));
		// a notification about an account names it only while its reader may still read the account
		rules.add(listing("GET /notifications", Set.of(), (actor, r) -> actor.permissions().contains(view) && reads(actor, r),
				c -> {
					c.notificationAboutTheAccount();
					return get("/notifications");
				}, Fixture::name).variant("about an account").listing(c -> c.notificationTitle(c.fixture().name())));
		rules.add(listing("GET /api/v1/notifications", Set.of(),
				(actor, r) -> actor.permissions().contains(view) && reads(actor, r), c -> {
					c.notificationAboutTheAccount();
					return get("/api/v1/notifications");
				}, Fixture::name).variant("about an account").listing(c -> c.notificationTitle(c.fixture().name())));
		// "all" is all of one's own: the answer is the same, only the database tells whose were marked
		rules.add(onNotification("POST /notifications/read-all", c -> post("/notifications/read-all"),
				this::notificationUnread).refusedInPage());
		rules.add(onNotification("POST /api/v1/notifications/read-all", c -> post("/api/v1/notifications/read-all"),
				this::notificationUnread).refusedInPage());

		// user administration: grant only what one holds oneself; only administrators manage administrators
		rules.add(granting("POST /admin/users", c -> post("/admin/users").param("username", "mx-new-" + c.serial())
			.param("displayName", "矩阵新用户" + c.serial())
			.param("unitId", String.valueOf(matrixUnit))
			.param("roleIds", String.valueOf(c.role().getId()))
			.param("password", PASSWORD)
			.param("confirmPassword", PASSWORD), c -> count("select count(*) from app_user")));
		rules.add(granting("POST /admin/users/{id}", c -> userForm(c, Managed.PLAIN_USER, "矩阵普通用户")
			.param("roleIds", String.valueOf(c.role().getId())),
				c -> text("select concat_ws(',', count(*), sum(role_id)) from app_user_role where user_id = "
						+ users.get("mx-plain"))));
		rules.add(managing("POST /admin/users/{id}", c -> withRoles(userForm(c, c.managed(), "矩阵改名" + c.serial()),
				roleIdsOf(c.managedUser())), c -> text("select display_name from app_user where id = "
						+ c.managedUser())));
		rules.add(managing("POST /admin/users/{id}/enabled",
				c -> post("/admin/users/" + c.managedUser() + "/enabled").param("enabled", "false"),
				c -> text("select enabled from app_user where id = " + c.managedUser())));
		rules.add(managing("POST /admin/users/{id}/unlock", c -> {
			jdbc.update("update app_user set failed_logins = 5, locked_until = ? where id = ?",
					java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)), c.managedUser());
			return post("/admin/users/" + c.managedUser() + "/unlock");
		}, c -> text("select concat_ws(',', failed_logins, locked_until) from app_user where id = " + c.managedUser())));
		rules.add(managing("POST /admin/users/{id}/password",
				c -> post("/admin/users/" + c.managedUser() + "/password").param("password", "Matrix#Reset-" + c.serial()),
				c -> text("select password_hash from app_user where id = " + c.managedUser())));

		// pages and actions that act on no particular record: the permission decides
		rules.add(gate("GET /customers/accounts", Set.of(view), c -> get("/customers/accounts")));
		rules.add(gate("GET /customers/accounts/new", Set.of(view, edit), c -> get("/customers/accounts/new")));
		rules.add(gate("GET /customers/accounts/export", Set.of(view, CustomerPermissions.EXPORT),
				c -> get("/customers/accounts/export").param("keyword", "矩阵")));
		rules.add(gate("GET /customers/contacts", Set.of(view), c -> get("/customers/contacts")));
		rules.add(gate("GET /customers/contacts/export", Set.of(view, CustomerPermissions.EXPORT),
				c -> get("/customers/contacts/export").param("keyword", "矩阵")));
		rules.add(gate("GET /customers/pool", Set.of(CustomerPermissions.POOL), c -> get("/customers/pool")));
		rules.add(gate("GET /customers/settings", Set.of(CustomerPermissions.SETTINGS), c -> get("/customers/settings")));
		rules.add(gate("POST /customers/settings", Set.of(CustomerPermissions.SETTINGS),
				c -> post("/customers/settings").param("enabled", "false").param("afterDays", "30")
					.param("warningDays", "7").param("dailyClaimLimit", "10").param("version", "-1")));
		rules.add(gate("GET /customers/handover", Set.of(CustomerPermissions.TRANSFER), c -> get("/customers/handover")));
		rules.add(gate("GET /customers/import", Set.of(CustomerPermissions.IMPORT), c -> get("/customers/import")));
		rules.add(gate("GET /customers/import/template", Set.of(CustomerPermissions.IMPORT),
				c -> get("/customers/import/template")));
		rules.add(gate("POST /customers/import", Set.of(CustomerPermissions.IMPORT),
				c -> multipart("/customers/import").file(accountsFile(c.serial()))));
		rules.add(gate("GET /customers/import/{uploadId}", Set.of(CustomerPermissions.IMPORT),
				c -> get("/customers/import/matrix-unknown")).unknownRecord());
		rules.add(gate("POST /customers/import/{uploadId}/jobs", Set.of(CustomerPermissions.IMPORT),
				c -> post("/customers/import/matrix-unknown/jobs")).unknownRecord());
		rules.add(gate("GET /customers/import/jobs/{jobId}", Set.of(CustomerPermissions.IMPORT),
				c -> get("/customers/import/jobs/matrix-unknown")).unknownRecord());
		rules.add(gate("GET /customers/import/jobs/{jobId}/errors", Set.of(CustomerPermissions.IMPORT),
				c -> get("/customers/import/jobs/matrix-unknown/errors")).unknownRecord());
		rules.add(gate("POST /api/v1/accounts/import", Set.of(CustomerPermissions.IMPORT),
				c -> multipart("/api/v1/accounts/import").file(accountsFile(c.serial())).param("dryRun", "true")));
		rules.add(gate("GET /api/v1/accounts/import/{jobId}", Set.of(CustomerPermissions.IMPORT),
				c -> get("/api/v1/accounts/import/matrix-unknown")).unknownRecord());
		rules.add(gate("GET /api/v1/accounts/import/{jobId}/errors", Set.of(CustomerPermissions.IMPORT),
				c -> get("/api/v1/accounts/import/matrix-unknown/errors")).unknownRecord());
		rules.add(gate("GET /api/v1/accounts", Set.of(view), c -> get("/api/v1/accounts")));
		rules.add(gate("GET /api/v1/search", Set.of(view), c -> get("/api/v1/search").param("q", "矩阵")));

		rules.add(gate("GET /value", Set.of(ValuePermissions.VIEW), c -> get("/value")));
		rules.add(gate("GET /value/dashboard", Set.of(ValuePermissions.VIEW), c -> get("/value/dashboard")));
		rules.add(gate("GET /value/accounts", Set.of(ValuePermissions.VIEW), c -> get("/value/accounts")));
		rules.add(gate("GET /value/accounts/export", Set.of(ValuePermissions.VIEW), c -> get("/value/accounts/export")));
		rules.add(gate("GET /value/changes", Set.of(ValuePermissions.VIEW), c -> get("/value/changes")));
		rules.add(gate("GET /value/changes/export", Set.of(ValuePermissions.VIEW),
				c -> get("/value/changes/export").param("from", "2025-01-01").param("to", "2025-12-31")));
		rules.add(gate("GET /value/classes", Set.of(ValuePermissions.VIEW), c -> get("/value/classes")));
		rules.add(gate("GET /value/ledger", Set.of(ValuePermissions.VIEW), c -> get("/value/ledger")));
		rules.add(gate("GET /value/ledger/export", Set.of(ValuePermissions.VIEW), c -> get("/value/ledger/export")));
		rules.add(gate("GET /value/ledger/import", Set.of(ValuePermissions.VIEW, ValuePermissions.IMPORT),
				c -> get("/value/ledger/import")));
		rules.add(gate("GET /value/ledger/import/template", Set.of(ValuePermissions.VIEW, ValuePermissions.IMPORT),
				c -> get("/value/ledger/import/template")));
		rules.add(gate("GET /value/settings", Set.of(ValuePermissions.SETTINGS), c -> get("/value/settings")));
		rules.add(gate("POST /value/settings", Set.of(ValuePermissions.SETTINGS),
				c -> valueSettingsForm(post("/value/settings")).param("version", "-1")));
		rules.add(gate("POST /value/settings/playbooks/{tier}", Set.of(ValuePermissions.SETTINGS),
				// the playbook as it stands: what is checked is who may save it
				c -> post("/value/settings/playbooks/A").param("strategy", playbooks.of(Tier.A).strategy())
					.param("actions", String.join("\n", playbooks.of(Tier.A).actions()))));
		rules.add(gate("POST /value/runs", Set.of(ValuePermissions.RESCORE), c -> post("/value/runs")));
		rules.add(gate("GET /value/runs/{id}", Set.of(ValuePermissions.RESCORE), c -> get("/value/runs/-1"))
			.unknownRecord());

		rules.add(gate("GET /admin/users", Set.of(PlatformPermissions.USERS), c -> get("/admin/users")));
		rules.add(gate("GET /admin/users/new", Set.of(PlatformPermissions.USERS), c -> get("/admin/users/new")));
		rules.add(gate("GET /admin/users/{id}", Set.of(PlatformPermissions.USERS),
				c -> get("/admin/users/" + users.get("mx-plain"))));
		rules.add(gate("GET /api/v1/users", Set.of(PlatformPermissions.USERS), c -> get("/api/v1/users")));
		rules.add(gate("GET /api/v1/users/{id}", Set.of(PlatformPermissions.USERS),
				c -> get("/api/v1/users/" + users.get("mx-plain"))));
		rules.add(gate("GET /admin/positions", Set.of(PlatformPermissions.USERS), c -> get("/admin/positions")));
		rules.add(gate("POST /admin/positions", Set.of(PlatformPermissions.USERS),
				c -> post("/admin/positions").param("name", "矩阵岗位" + c.serial())));
		rules.add(gate("POST /admin/positions/{id}", Set.of(PlatformPermissions.USERS),
				c -> post("/admin/positions/" + scratchPosition()).param("name", "矩阵改名岗位" + c.serial())
					.param("version", "-1")));
		rules.add(gate("POST /admin/positions/{id}/delete", Set.of(PlatformPermissions.USERS),
				c -> post("/admin/positions/" + scratchPosition() + "/delete")));
		rules.add(gate("GET /admin/units", Set.of(PlatformPermissions.UNITS), c -> get("/admin/units")));
		rules.add(gate("GET /admin/units/new", Set.of(PlatformPermissions.UNITS), c -> get("/admin/units/new")));
		rules.add(gate("GET /admin/units/{id}", Set.of(PlatformPermissions.UNITS), c -> get("/admin/units/" + matrixUnit)));
		rules.add(gate("POST /admin/units", Set.of(PlatformPermissions.UNITS),
				c -> post("/admin/units").param("name", "矩阵新单位" + c.serial()).param("parentId", String.valueOf(matrixUnit))
					.param("type", UnitType.DEPARTMENT.name()).param("sortOrder", "9")));
		rules.add(gate("POST /admin/units/{id}", Set.of(PlatformPermissions.UNITS),
				c -> post("/admin/units/" + matrixUnit).param("name", "矩阵测试部").param("type", UnitType.DEPARTMENT.name())
					.param("sortOrder", "9").param("version", "-1")));
		rules.add(gate("POST /admin/units/{id}/enabled", Set.of(PlatformPermissions.UNITS),
				c -> post("/admin/units/" + matrixUnit + "/enabled").param("enabled", "true")));
		rules.add(gate("GET /admin/roles", Set.of(PlatformPermissions.ROLES), c -> get("/admin/roles")));
		rules.add(gate("GET /admin/roles/new", Set.of(PlatformPermissions.ROLES), c -> get("/admin/roles/new")));
		rules.add(gate("GET /admin/roles/{id}", Set.of(PlatformPermissions.ROLES),
				c -> get("/admin/roles/" + userAdminRole.getId())));
		rules.add(gate("POST /admin/roles", Set.of(PlatformPermissions.ROLES),
				c -> post("/admin/roles").param("code", "MX_ROLE_" + c.serial()).param("name", "矩阵角色" + c.serial())
					.param("dataScope", DataScope.OWN.name())));
		rules.add(gate("POST /admin/roles/{id}", Set.of(PlatformPermissions.ROLES),
				c -> post("/admin/roles/" + userAdminRole.getId()).param("name", "矩阵用户管理员")
					.param("dataScope", DataScope.OWN.name()).param("version", "-1")));
		rules.add(gate("GET /admin/audit", Set.of(PlatformPermissions.AUDIT), c -> get("/admin/audit")));
		String notify = NotifyPermissions.ADMIN;
		rules.add(gate("GET /admin/notifications/channels", Set.of(notify), c -> get("/admin/notifications/channels")));
		// switching a robot off and keeping its stored webhook: what is checked is who may save it
		rules.add(gate("POST /admin/notifications/channels/{channel}", Set.of(notify),
				c -> post("/admin/notifications/channels/WECOM")).variant("WECOM"));
		rules.add(gate("POST /admin/notifications/channels/{channel}", Set.of(notify),
				c -> post("/admin/notifications/channels/DINGTALK")).variant("DINGTALK"));
		rules.add(gate("POST /admin/notifications/defaults", Set.of(notify), c -> post("/admin/notifications/defaults")));
		rules.add(gate("GET /admin/notifications/deliveries", Set.of(notify), c -> get("/admin/notifications/deliveries")));
		rules.add(gate("POST /admin/notifications/deliveries/{id}/retry", Set.of(notify),
				c -> post("/admin/notifications/deliveries/-1/retry")).unknownRecord());
		rules.add(gate("GET /admin/recycle-bin", Set.of(PlatformPermissions.RECYCLE_BIN), c -> get("/admin/recycle-bin")));

		// every signed-in user, about himself or about nothing in particular
		rules.add(gate("GET /", Set.of(), c -> get("/")));
		rules.add(gate("GET /search", Set.of(), c -> get("/search").param("q", "矩阵")));
		rules.add(gate("GET /profile", Set.of(), c -> get("/profile")));
		rules.add(gate("POST /profile/password", Set.of(), c -> post("/profile/password").param("currentPassword", "wrong")
			.param("newPassword", "Matrix#Other-2026y").param("confirmPassword", "Matrix#Other-2026y")));
		rules.add(gate("POST /profile/tokens", Set.of(), c -> post("/profile/tokens").param("name", "矩阵令牌")
			.param("validDays", "1")));
		rules.add(gate("POST /saved-views", Set.of(), c -> post("/saved-views").param("screen", "accounts")
			.param("path", "/customers/accounts").param("name", "矩阵视图" + c.serial()).param("query", "keyword=矩阵")));
		rules.add(gate("POST /saved-views/{id}/delete", Set.of(), c -> post("/saved-views/-1/delete")
			.param("path", "/customers/accounts")));
		rules.add(gate("GET /api/v1/me", Set.of(), c -> get("/api/v1/me")));
		rules.add(gate("GET /notifications/bell", Set.of(), c -> get("/notifications/bell")));
		rules.add(gate("GET /api/v1/notifications/unread-count", Set.of(), c -> get("/api/v1/notifications/unread-count")));
		rules.add(gate("GET /notifications/preferences", Set.of(), c -> get("/notifications/preferences")));
		rules.add(gate("POST /notifications/preferences", Set.of(), c -> post("/notifications/preferences")));
		rules.add(gate("GET /api/v1/notification-preferences", Set.of(), c -> get("/api/v1/notification-preferences")));
		rules.add(gate("PUT /api/v1/notification-preferences", Set.of(),
				c -> json(put("/api/v1/notification-preferences"), "[]")));
		rules.add(gate("GET /api/v1/units", Set.of(), c -> get("/api/v1/units")));
		rules.add(gate("GET /customers/regions/cities", Set.of(), c -> get("/customers/regions/cities")
			.param("provinceCode", "330000")));
		// public: the sign-in page, the installer (closed once installed) and the API's description
		rules.add(gate("GET /login", Set.of(), c -> get("/login")).signedOut(SignedOut.OPEN));
		rules.add(gate("GET /setup", Set.of(), c -> get("/setup")).signedOut(SignedOut.OPEN));
		rules.add(gate("POST /setup", Set.of(), c -> post("/setup").param("companyName", "矩阵测试公司")
			.param("username", "mx-setup").param("displayName", "矩阵").param("password", PASSWORD)
			.param("confirmPassword", PASSWORD)).probe(c -> count("select count(*) from tenant"))
			.changesNothing()
			.signedOut(SignedOut.OPEN));
		// the API's description is public or needs a sign-in, as the product documents it (issue 17, item 16)
		rules.add(gate("GET /api/v1/openapi", Set.of(), c -> get("/api/v1/openapi")).signedOut(SignedOut.EITHER));
		rules.add(gate("GET /api/v1/openapi.yaml", Set.of(), c -> get("/api/v1/openapi.yaml"))
			.signedOut(SignedOut.EITHER));
		rules.add(gate("GET /api/v1/openapi/swagger-config", Set.of(), c -> get("/api/v1/openapi/swagger-config"))
			.signedOut(SignedOut.EITHER));
		rules.add(gate("GET /api/v1/docs", Set.of(), c -> get("/api/v1/docs")).signedOut(SignedOut.EITHER));
		rules.add(Rule.notRequested("ANY /error", "the container's error dispatch; no request reaches it directly"));
		return rules;
	}

	/** What a role's data scope covers of a record in each unit relation. */
	static boolean covers(DataScope scope, Relation relation) {
		return switch (relation) {
			case OWN -> true;
			case SAME_UNIT -> scope != DataScope.OWN;
			case UNIT_BELOW -> scope == DataScope.UNIT_AND_BELOW || scope == DataScope.ALL;
			case OTHER_UNIT -> scope == DataScope.ALL;
			default -> false;
		};
	}

	/** Whether the actor reads a record of this relation (ADR 0004). */
	static boolean reads(Actor actor, Relation relation) {
		return switch (relation) {
			case ACCOUNT_TEAM, POOL -> true;
			case RECYCLE_BIN, OTHER_TENANT -> false;
			default -> covers(actor.scope(), relation);
		};
	}

	/**
	 * Whether the actor may change a record of this relation (ADR 0014): one he reads, a pool account only with the
	 * {@code ALL} scope (seeing the pool is not changing it).
	 */
	static boolean changes(Actor actor, Relation relation) {
		return relation == Relation.POOL ? actor.scope() == DataScope.ALL : reads(actor, relation);
	}

	/**
	 * Whether the actor may dispose of an account of this relation (ADR 0014): one he changes other than through its
	 * team. The team's account belongs to a stranger in another unit.
	 */
	static boolean disposes(Actor actor, Relation relation) {
		return relation == Relation.ACCOUNT_TEAM ? covers(actor.scope(), Relation.OTHER_UNIT) : changes(actor, relation);
	}

	boolean inScope(Actor actor, Person person) {
		return switch (person) {
			case SELF -> true;
			case SAME_UNIT, DISABLED_IN_UNIT -> covers(actor.scope(), Relation.SAME_UNIT);
			case UNIT_BELOW -> covers(actor.scope(), Relation.UNIT_BELOW);
			case OTHER_UNIT -> covers(actor.scope(), Relation.OTHER_UNIT);
			case OTHER_TENANT -> false;
		};
	}

	/** A role may be granted only by someone who holds all its permissions and at least its data scope. */
	static boolean grantable(Actor actor, Role role) {
		return actor.permissions().containsAll(role.getPermissions())
				&& rank(actor.scope()) >= rank(role.getDataScope());
	}

	static int rank(DataScope scope) {
		return switch (scope) {
			case OWN -> 0;
			case UNIT -> 1;
			case UNIT_AND_BELOW -> 2;
			case ALL -> 3;
		};
	}

	// ---- the rules

	interface Request {
		AbstractMockHttpServletRequestBuilder<?> build(Case c) throws Exception;
	}

	interface Probe {
		String read(Case c);
	}

	/**
	 * One endpoint's entry: its targets (relations, people, roles or nothing), what each actor may do to each target,
	 * how to ask, and what in the database tells that it happened.
	 */
	static final class Rule {

		final String endpoint;

		final String needs;

		final List<?> targets;

		final BiPredicate<Actor, Object> allowed;

		final BiPredicate<Actor, Object> hidden;

		final Request request;

		Probe probe;

		Refusal refusal = Refusal.STATUS;

		boolean unknownRecord;

		boolean changesNothing;

		boolean echoesName;

		String variant;

		SignedOut signedOut = SignedOut.SIGN_IN;

		boolean leakOnly;

		/** For a list: what of the record it shows (its name, its contact's name, a title); listed iff allowed. */
		java.util.function.Function<Case, String> shown;

		/** Whether the people a rule acts on own an account for it (a hand-over moves it, a create adds one). */
		boolean peopleOwnAccounts = true;

		final List<String> alsoTouches = new ArrayList<>();

		/** For account rules, the access declared, so {@link #readingSuffices()} can relax it. */
		Access access;

		Set<String> permissions = Set.of();

		/** Cases whose refusal is a message in the page or a toast, though the rule refuses by status elsewhere. */
		BiPredicate<Actor, Object> refusedInPageWhen = (actor, target) -> false;

		/** What a refusal in the page must say (null: nothing in particular). */
		String refusalSays;

		Rule(String endpoint, String needs, List<?> targets, BiPredicate<Actor, Object> allowed,
				BiPredicate<Actor, Object> hidden, Request request, Probe probe) {
			this.endpoint = endpoint;
			this.needs = needs;
			this.targets = targets;
			this.allowed = allowed;
			this.hidden = hidden;
			this.request = request;
			this.probe = probe;
		}

		static Rule notRequested(String endpoint, String why) {
			return new Rule(endpoint, why, List.of(), (a, t) -> false, (a, t) -> false, null, null);
		}

		/** Names which of an endpoint's several entries this is (the same form, other fields). */
		Rule variant(String name) {
			variant = name;
			return this;
		}

		String title() {
			return variant == null ? endpoint : endpoint + " [" + variant + "]";
		}

		Rule signedOut(SignedOut answer) {
			signedOut = answer;
			return this;
		}

		Rule refusedInPage() {
			refusal = Refusal.IN_PAGE;
			return this;
		}

		Rule unknownRecord() {
			unknownRecord = true;
			return this;
		}

		Rule probe(Probe probe) {
			this.probe = probe;
			return this;
		}

		Rule changesNothing() {
			changesNothing = true;
			return this;
		}

		/** The answer may repeat the record's name: the user typed it (an import row), it tells him nothing. */
		Rule namesWhatTheUserTyped() {
			echoesName = true;
			return this;
		}

		/** Nothing is allowed or refused here; the rule is that the answer names a record only to whoever reads it. */
		Rule namesOnlyWhatTheUserReads() {
			leakOnly = true;
			return this;
		}

		/** A list: shows what this gives of the case iff the case is allowed, never otherwise. */
		Rule listing(java.util.function.Function<Case, String> shows) {
			shown = shows;
			probe = null;
			return this;
		}

		Rule alsoTouches(String fixture) {
			alsoTouches.add(fixture);
			return this;
		}

		/** A form: it changes nothing itself, and is shown to whoever may make the change it leads to. */
		Rule aForm() {
			probe = null;
			return this;
		}

		/**
		 * Never on this relation, for the reason given; whoever could otherwise do it is told so in the page, the
		 * others are refused as anywhere else.
		 */
		Rule notOn(Relation relation, String why) {
			return refusedWhere((actor, target) -> target == relation, why);
		}

		/** Refused where this holds, for the reason given; told in the page to whoever could otherwise do it. */
		Rule refusedWhere(BiPredicate<Actor, Object> where, String why) {
			BiPredicate<Actor, Object> otherwise = allowed;
			Rule rule = new Rule(endpoint, needs + ", " + why, targets,
					(actor, target) -> !where.test(actor, target) && otherwise.test(actor, target), hidden, request, probe)
				.copyFrom(this);
			rule.refusedInPageWhen = (actor, target) -> where.test(actor, target) && otherwise.test(actor, target);
			return rule;
		}

		Rule refusalSays(String text) {
			refusalSays = text;
			return this;
		}

		Rule readingSuffices() {
			return new Rule(endpoint, needs + ", reads the record", targets,
					(actor, target) -> actor.permissions().containsAll(permissions) && reads(actor, (Relation) target),
					hidden, request, probe).copyFrom(this);
		}

		Rule onlyFor(Relation relation) {
			return new Rule(endpoint, needs + ", only on " + relation, targets,
					(actor, target) -> actor.permissions().containsAll(permissions) && target == relation,
					(actor, target) -> false, request, probe).copyFrom(this);
		}

		private Rule copyFrom(Rule other) {
			refusal = other.refusal;
			unknownRecord = other.unknownRecord;
			changesNothing = other.changesNothing;
			echoesName = other.echoesName;
			variant = other.variant;
			signedOut = other.signedOut;
			leakOnly = other.leakOnly;
			alsoTouches.addAll(other.alsoTouches);
			access = other.access;
			permissions = other.permissions;
			refusedInPageWhen = other.refusedInPageWhen;
			refusalSays = other.refusalSays;
			shown = other.shown;
			peopleOwnAccounts = other.peopleOwnAccounts;
			return this;
		}

		boolean requested() {
			return request != null;
		}

	}

	Rule onAccount(String endpoint, Access access, Set<String> permissions, Request request) {
		BiPredicate<Actor, Object> allowed = (actor, target) -> actor.permissions().containsAll(permissions)
				&& switch (access) {
					case READ -> reads(actor, (Relation) target);
					case CHANGE -> changes(actor, (Relation) target);
					case DISPOSE -> disposes(actor, (Relation) target);
				};
		BiPredicate<Actor, Object> hidden = (actor, target) -> actor.permissions().containsAll(permissions)
				&& !reads(actor, (Relation) target);
		Rule rule = new Rule(endpoint, access + " " + permissions, List.of(Relation.values()), allowed, hidden, request,
				access == READ ? null : c -> fingerprint(c.account()));
		rule.access = access;
		rule.permissions = permissions;
		return rule;
	}

	Rule listing(String endpoint, Set<String> permissions, BiPredicate<Actor, Relation> listed, Request request,
			java.util.function.Function<Fixture, String> shown) {
		return new Rule(endpoint, permissions + ", lists what the user reads", List.of(Relation.values()),
				(actor, target) -> actor.permissions().containsAll(permissions) && listed.test(actor, (Relation) target),
				(actor, target) -> false, request, null).listing(c -> shown.apply(c.fixture()));
	}

	Rule onPerson(String endpoint, Set<String> permissions, BiPredicate<Actor, Person> allowed, Request request,
			Probe probe) {
		return new Rule(endpoint, permissions + " on a person", List.of(Person.values()),
				(actor, target) -> actor.permissions().containsAll(permissions) && allowed.test(actor, (Person) target),
				(actor, target) -> false, request, probe).refusedInPage();
	}

	/** A background import's page or action: its starter's, with the permission; anyone else's is not found. */
	Rule onJob(String endpoint, Request request, Probe probe) {
		String permission = ValuePermissions.IMPORT;
		return new Rule(endpoint, permission + ", the job's starter", List.of(JobOwner.values()),
				(actor, target) -> actor.permissions().contains(permission) && target == JobOwner.OWN,
				(actor, target) -> actor.permissions().contains(permission) && target == JobOwner.ANOTHER_USER, request,
				probe);
	}

	/**
	 * A notification centre page or action: any signed-in user, on his own notification; another user's is not found
	 * and unchanged, whatever the scope of the reader's role.
	 */
	Rule onNotification(String endpoint, Request request, Probe probe) {
		Rule rule = new Rule(endpoint, "any signed-in user, his own notification", NOTIFIED,
				(actor, target) -> target == Person.SELF, (actor, target) -> target != Person.SELF, request, probe);
		rule.peopleOwnAccounts = false;
		return rule;
	}

	Rule granting(String endpoint, Request request, Probe probe) {
		List<Role> roles = actors.stream().map(Actor::role).toList();
		return new Rule(endpoint, "admin.users, grants a role", roles,
				(actor, target) -> actor.permissions().contains(PlatformPermissions.USERS)
						&& grantable(actor, (Role) target),
				(actor, target) -> false, request, probe).refusedInPage().alsoTouches("mx-plain");
	}

	Rule managing(String endpoint, Request request, Probe probe) {
		return new Rule(endpoint, "admin.users, administrators by administrators", List.of(Managed.values()),
				(actor, target) -> actor.permissions().contains(PlatformPermissions.USERS)
						&& (target == Managed.PLAIN_USER || actor.administrator()),
				(actor, target) -> false, request, probe).refusedInPage().alsoTouches("managed");
	}

	Rule gate(String endpoint, Set<String> permissions, Request request) {
		return new Rule(endpoint, permissions.isEmpty() ? "any signed-in user" : permissions.toString(),
				List.of(NO_TARGET), (actor, target) -> actor.permissions().containsAll(permissions),
				(actor, target) -> false, request, null);
	}

	// ---- the run

	@Test
	void everyEndpointOfTheApplicationHasAnEntryInThePolicy() {
		Set<String> declared = policy().stream().map(r -> r.endpoint).collect(Collectors.toSet());
		Set<String> mapped = endpoints();
		assertThat(new TreeSet<>(mapped)).as("endpoints without an entry in AuthorisationMatrixTests.policy()")
			.isSubsetOf(declared);
		assertThat(new TreeSet<>(declared)).as("entries in AuthorisationMatrixTests.policy() for no endpoint")
			.isSubsetOf(mapped);
	}

	@Test
	void everyEndpointAnswersEveryRoleAndRelationAsThePolicySays() throws Exception {
		List<String> failures = new ArrayList<>();
		Map<String, Integer> casesPerEndpoint = new LinkedHashMap<>();
		int cases = 0;
		long started = System.nanoTime();
		Map<String, Long> nanosPerEndpoint = new HashMap<>();
		for (Rule rule : policy()) {
			if (!rule.requested()) {
				continue;
			}
			long ruleStarted = System.nanoTime();
			for (Actor actor : actors) {
				for (Object target : rule.targets) {
					String failure = run(rule, actor, target);
					cases++;
					casesPerEndpoint.merge(rule.endpoint, 1, Integer::sum);
					if (failure != null) {
						failures.add(rule.title() + " | " + actor.role().getCode() + " | " + label(target) + " | "
								+ failure);
					}
				}
			}
			String failure = runSignedOut(rule);
			cases++;
			if (failure != null) {
				failures.add(rule.title() + " | signed out | " + failure);
			}
			nanosPerEndpoint.merge(rule.endpoint, System.nanoTime() - ruleStarted, Long::sum);
		}
		System.out.printf("Authorisation matrix: %,d cases (%d endpoints × %d roles × 8 relations, 6 people (3 notified), 2 job owners,"
				+ " %d granted roles or none; and signed out), %d failed, in %d s (%d records built in %d s)%n", cases,
				casesPerEndpoint.size(),
				actors.size(), actors.size(), failures.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
				built, Duration.ofNanos(buildingNanos).toSeconds());
		System.out.println("  slowest: " + nanosPerEndpoint.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(6)
			.map(e -> e.getKey() + " " + Duration.ofNanos(e.getValue()).toSeconds() + " s")
			.collect(Collectors.joining(", ")));
		failures.forEach(f -> System.out.println("  MATRIX " + f));
		assertThat(failures).as("cases answered against the policy (endpoint | role | relation | expected, answer)")
			.isEmpty();
	}

	/** Runs one case; answers why it failed, or null. */
	private String run(Rule rule, Actor actor, Object target) throws Exception {
		Case c = new Case(actor, target);
		if (target instanceof Person person && rule.peopleOwnAccounts) {
			ownsAnAccount(person, actor);
		}
		Expect expect = rule.allowed.test(actor, target) ? Expect.ALLOWED
				: rule.hidden.test(actor, target) ? Expect.HIDDEN : Expect.REFUSED;
		AbstractMockHttpServletRequestBuilder<?> request = rule.request.build(c);
		String before = rule.probe == null ? null : rule.probe.read(c);
		MockHttpServletResponse response;
		try {
			response = mvc.perform(request.with(SecurityMockMvcRequestPostProcessors.user(actor.details())).with(csrf()))
				.andReturn()
				.getResponse();
		}
		catch (Exception ex) {
			touched(rule, c);
			return "expected " + expect + ", threw " + ex;
		}
		int status = response.getStatus();
		if (rule.shown != null) {
			return listed(rule, c, expect, request, response);
		}
		boolean changed = false;
		if (rule.probe != null) {
			changed = expect == Expect.ALLOWED && !rule.changesNothing ? changedWithin(rule, c, before)
					: !Objects.equals(before, rule.probe.read(c));
			if (changed) {
				touched(rule, c);
			}
		}
		String answer = status + (rule.probe == null ? "" : changed ? ", changed the database" : ", changed nothing");
		if (status >= 500) {
			return "expected " + expect + ", answered " + answer;
		}
		if (expect == Expect.ALLOWED && rule.leakOnly) {
			return null;
		}
		if (expect == Expect.ALLOWED) {
			boolean ok = (rule.unknownRecord ? status != 403 && status != 401 : status < 400)
					&& (rule.probe == null || (rule.changesNothing ? !changed : changed));
			return ok ? null : "expected allowed, answered " + answer;
		}
		boolean inPage = rule.refusal == Refusal.IN_PAGE || rule.refusedInPageWhen.test(actor, target);
		boolean statusOk = inPage || rule.leakOnly ? status != 401
				: expect == Expect.HIDDEN ? status == 404 : status == 403 || status == 404;
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		String name = target instanceof Relation && !rule.echoesName ? c.fixture().name() : null;
		boolean leaked = name != null && body.contains(name);
		// a refusal in a page (not a status) says what the rule says it says
		boolean said = rule.refusalSays == null || status >= 300 || body.contains(rule.refusalSays);
		if (statusOk && !changed && !leaked && said) {
			return null;
		}
		return "expected " + (rule.leakOnly ? "not to name it"
				: expect != Expect.HIDDEN ? "refused" : !inPage ? "hidden (404)" : "hidden (as not found)")
				+ ", answered " + answer
				+ (leaked ? ", named the record" : "") + (said ? "" : ", did not say " + rule.refusalSays);
	}

	/** Signed out, an endpoint answers with the sign-in page or 401, unless it is open to everyone. */
	private String runSignedOut(Rule rule) throws Exception {
		Object target = rule.targets.get(0);
		Case c = new Case(actors.get(0), target);
		c.signedOut = true;
		if (target instanceof Person person && rule.peopleOwnAccounts) {
			ownsAnAccount(person, c.actor);
		}
		MockHttpServletResponse response = mvc.perform(rule.request.build(c).with(csrf())).andReturn().getResponse();
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		boolean signIn = status == 401 || (status / 100 == 3 && location != null && location.endsWith("/login"));
		boolean ok = switch (rule.signedOut) {
			case SIGN_IN -> signIn;
			case OPEN -> status < 400;
			case EITHER -> status < 500;
		};
		return ok ? null : "expected " + rule.signedOut + ", answered " + status + (location == null ? "" : " → " + location);
	}

	/** A list shows the record iff the user reads it (waiting a little for the search index to catch up). */
	private String listed(Rule rule, Case c, Expect expect, AbstractMockHttpServletRequestBuilder<?> request,
			MockHttpServletResponse first) throws Exception {
		String shown = rule.shown.apply(c);
		MockHttpServletResponse response = first;
		long deadline = System.nanoTime() + Duration.ofSeconds(expect == Expect.ALLOWED ? 3 : 0).toNanos();
		while (expect == Expect.ALLOWED && response.getStatus() < 400 && !lists(response, shown)
				&& System.nanoTime() < deadline) {
			response = mvc.perform(request.with(SecurityMockMvcRequestPostProcessors.user(c.actor.details())))
				.andReturn()
				.getResponse();
		}
		int status = response.getStatus();
		boolean contains = lists(response, shown);
		if (expect == Expect.ALLOWED) {
			return status < 400 && contains ? null : "expected listed, answered " + status + (contains ? "" : ", not listed");
		}
		return status < 500 && status != 401 && !contains ? null
				: "expected not listed, answered " + status + (contains ? ", listed" : "");
	}

	/**
	 * Whether a page or a JSON answer lists this name: as an element's text or a "name" or "title" value, not as the keyword
	 * the search box or the answer repeats.
	 */
	private static boolean lists(MockHttpServletResponse response, String name) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		return body.contains(">" + name + "<") || body.contains("\"name\":\"" + name + "\"")
				|| body.contains("\"title\":\"" + name + "\"");
	}

	/** Waits a little for a write that is allowed: an endpoint may finish its work just after answering. */
	private boolean changedWithin(Rule rule, Case c, String before) {
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(3))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(50))
				.until(() -> !Objects.equals(before, rule.probe.read(c)));
			return true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return false;
		}
	}

	/** Forgets the records a case changed, so the next case gets them as built. */
	private void touched(Rule rule, Case c) {
		if (c.target instanceof Relation relation) {
			fixtures.remove(key(relation, c.actor));
		}
		if (c.target instanceof Person && rule.peopleOwnAccounts) {
			// a hand-over or a create moved or added accounts of this person: rebuild whatever he owns
			long person = c.person();
			fixtures.entrySet().removeIf(e -> e.getValue().ownerUserId() == person);
		}
		for (String other : rule.alsoTouches) {
			switch (other) {
				case "KEEPER" -> fixtures.remove("KEEPER:" + c.actor.username());
				case "mx-plain" -> restoreUser("mx-plain", Set.of());
				case "managed" -> {
					restoreUser("mx-plain", Set.of());
					restoreUser("mx-administrator", Set.of(adminRole().getId()));
				}
				default -> throw new IllegalArgumentException(other);
			}
		}
	}

	private Set<String> endpoints() {
		Set<String> endpoints = new LinkedHashSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("ANY")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).collect(Collectors.toSet());
			for (String method : methods) {
				for (String pattern : info.getPatternValues()) {
					endpoints.add(method + " " + pattern);
				}
			}
		}
		return endpoints;
	}

	private static String label(Object target) {
		return target instanceof Role role ? "grants " + role.getCode() : target.toString();
	}

	// ---- who acts, and on what

	record Actor(String username, Role role, long userId, Set<String> permissions, DataScope scope,
			boolean administrator, UserDetails details) {
	}

	/** A background ledger import, and the reference its good row carries. */
	record LedgerJob(String id, String reference) {
	}

	/** A record built for a relation: an account with one contact and one team member besides its owner. */
	record Fixture(long account, String name, String creditCode, String phone, long contact, String contactName,
			long member, long ownerUserId) {
	}

	/** One case's context: the actor, the target, and the records it acts on (built on first use). */
	final class Case {

		final Actor actor;

		final Object target;

		private final int serial = AuthorisationMatrixTests.this.serial.incrementAndGet();

		/** Asked without signing in: requests that take steps as the actor first ask only the first. */
		boolean signedOut;

		private Long followUp;

		private Case colleague;

		private LedgerJob ledgerJob;

		private Long notification;

		Case(Actor actor, Object target) {
			this.actor = actor;
			this.target = target;
		}

		Fixture fixture() {
			return fixtureFor((Relation) target, actor);
		}

		Fixture keeper() {
			return fixtures.computeIfAbsent("KEEPER:" + actor.username(),
					k -> build("KEEPER", actor.username(), actor.username()));
		}

		long account() {
			return fixture().account();
		}

		String accountText() {
			return String.valueOf(account());
		}

		long contact() {
			return fixture().contact();
		}

		String accountVersion() {
			return text("select version from account where id = " + account());
		}

		String contactVersion() {
			return text("select version from contact where id = " + contact());
		}

		String fresh(String what) {
			return "杭州矩阵" + what + serial + "号测试有限公司";
		}

		int serial() {
			return serial;
		}

		String user(String username) {
			return String.valueOf(users.get(username));
		}

		long person() {
			return switch ((Person) target) {
				case SELF -> actor.userId();
				case SAME_UNIT -> users.get("mx-colleague");
				case UNIT_BELOW -> users.get("mx-subordinate");
				case OTHER_UNIT -> users.get("mx-stranger");
				case DISABLED_IN_UNIT -> users.get("mx-leaver");
				case OTHER_TENANT -> users.get("mx-foreigner");
			};
		}

		String personText() {
			return String.valueOf(person());
		}

		private Long ownToken;

		long token() {
			Person person = (Person) target;
			if (person == Person.SELF) {
				if (ownToken == null) {
					ownToken = tokens.issue(actor.userId(), "矩阵令牌" + serial, 1).id();
				}
				return ownToken;
			}
			return personTokens.computeIfAbsent(person, p -> person() == users.get("mx-foreigner")
					? TenantContext.callAs(foreignTenant, () -> tokens.issue(person(), "矩阵他人令牌", 30).id())
					: tokens.issue(person(), "矩阵他人令牌", 30).id());
		}

		Role role() {
			return (Role) target;
		}

		/** A notification to the case's person made just now, through the notify module as the product makes them. */
		long notification() {
			if (notification == null) {
				long recipient = person();
				as(target == Person.OTHER_TENANT ? "mx-foreigner" : "admin", () -> {
					notifications.notify(NotificationRequest.to(recipient, NotificationKind.ACCOUNT_TRANSFERRED,
							NOTIFICATION_TITLE, null, notificationSubject()));
					return null;
				});
				notification = jdbc.queryForObject("select max(id) from notification where recipient_user_id = ?",
						Long.class, recipient);
			}
			return notification;
		}

		/** A notification to the actor, made just now, that the relation's account was transferred to him. */
		void notificationAboutTheAccount() {
			long account = account();
			String name = fixture().name();
			as("admin", () -> {
				notifications.notify(NotificationRequest.to(actor.userId(), NotificationKind.ACCOUNT_TRANSFERRED,
						NOTIFICATION_TITLE, RecordReference.account(account), name));
				return null;
			});
		}

		/** The title of a notification about this subject, as its recipient reads it (the pages' language, Chinese). */
		String notificationTitle(String subject) {
			return messages.getMessage(NOTIFICATION_TITLE, new Object[] { subject }, Locale.SIMPLIFIED_CHINESE);
		}

		String notificationSubject() {
			return "矩阵通知" + chinese(serial);
		}

		/** A follow-up the actor wrote just now on the relation's account, written straight to its table. */
		long followUp() {
			if (followUp == null) {
				followUp = writeFollowUp(actor.userId());
			}
			return followUp;
		}

		/** The same case about a follow-up a colleague of the actor wrote just now on the relation's account. */
		Case colleague() {
			if (colleague == null) {
				colleague = new Case(actor, target);
				colleague.followUp = writeFollowUp(users.get("mx-colleague"));
			}
			return colleague;
		}

		private long writeFollowUp(long author) {
			long account = account();
			return as(target == Relation.OTHER_TENANT ? "mx-foreigner" : "admin",
					() -> followUps.save(new FollowUp(account, author, FollowUpKind.CALL, Instant.now(), null, null,
							"矩阵测试跟进" + serial, null, null)).getId());
		}

		/**
		 * A checked (dry-run) ledger import of one good row for the actor's own account and one bad row, started by
		 * the actor, or by the administrator when the case asks about another user's job or the actor may not import.
		 */
		LedgerJob ledgerJob() {
			if (ledgerJob == null) {
				String starter = target == JobOwner.OWN && actor.permissions().contains(ValuePermissions.IMPORT)
						? actor.username() : "admin";
				String reference = "MX-J-" + serial;
				String csv = "客户名称,日期,金额,单号\n" + fixtureFor(Relation.OWN, actor).name() + ",2025-03-01,1000.00,"
						+ reference + "\n杭州矩阵不存在" + chinese(serial) + "号测试有限公司,2025-03-02,10.00," + reference
						+ "-X\n";
				ledgerJob = new LedgerJob(startLedgerJob(starter, csv), reference);
			}
			return ledgerJob;
		}

		Managed managed() {
			return (Managed) target;
		}

		long managedUser() {
			return users.get(managed() == Managed.PLAIN_USER ? "mx-plain" : "mx-administrator");
		}

	}

	private String key(Relation relation, Actor actor) {
		return switch (relation) {
			case OWN, RECYCLE_BIN -> relation + ":" + actor.username();
			default -> relation.name();
		};
	}

	private Fixture fixtureFor(Relation relation, Actor actor) {
		return fixtures.computeIfAbsent(key(relation, actor), k -> switch (relation) {
			case OWN, RECYCLE_BIN -> build(relation.name(), actor.username(), actor.username());
			case SAME_UNIT, POOL -> build(relation.name(), "mx-colleague", null);
			case UNIT_BELOW -> build(relation.name(), "mx-subordinate", null);
			case OTHER_UNIT, ACCOUNT_TEAM -> build(relation.name(), "mx-stranger", null);
			case OTHER_TENANT -> build(relation.name(), "mx-foreigner", null);
		});
	}

	/** A hand-over moves something only if the leaver owns an account: each person keeps one. */
	private void ownsAnAccount(Person person, Actor actor) {
		switch (person) {
			case SELF -> fixtureFor(Relation.OWN, actor);
			case SAME_UNIT -> fixtureFor(Relation.SAME_UNIT, actor);
			case UNIT_BELOW -> fixtureFor(Relation.UNIT_BELOW, actor);
			case OTHER_UNIT -> fixtureFor(Relation.OTHER_UNIT, actor);
			case OTHER_TENANT -> fixtureFor(Relation.OTHER_TENANT, actor);
			case DISABLED_IN_UNIT -> {
				if (!fixtures.containsKey("LEAVER")) {
					long leaver = users.get("mx-leaver");
					as("admin", () -> {
						organisation.setUserEnabled(leaver, true);
						return null;
					});
					fixtures.put("LEAVER", build("LEAVER", "mx-leaver", null));
					as("admin", () -> {
						organisation.setUserEnabled(leaver, false);
						return null;
					});
				}
			}
		}
	}

	/** Builds an account of this kind owned by the user, through the application's own services. */
	private Fixture build(String kind, String owner, String actorName) {
		long started = System.nanoTime();
		built++;
		boolean foreign = owner.equals("mx-foreigner");
		int number = serial.incrementAndGet();
		// numbers in Chinese: a whole name is searched as words, and a name ending in digits is another matter
		String name = "杭州矩阵" + kindName(kind) + chinese(number) + "号测试有限公司";
		String contactName = "矩阵联系人" + chinese(number);
		String creditCode = ChineseIdentifiers.withCreditCodeCheck(String.format("9133010079%07d", number));
		String phone = String.format("0571-8%07d", number);
		Fixture fixture = as(foreign ? "mx-foreigner" : "admin", () -> {
			long ownerId = users.get(owner);
			long id = customers.create(AccountMother.account(name).withCreditCode(creditCode).withPhone(phone).facts(),
					ownerId, null, true);
			long contact = contacts.add(id, new ContactDetails(contactName, "采购经理", null, null, null, null, null,
					null, null, null, null, null, null, null, null, null));
			long bystander = foreign ? ownerId : users.get("mx-bystander");
			customers.addTeamMember(id, bystander, TeamRole.SERVICE);
			long member = customers.team(id).stream().filter(m -> m.userId() == bystander).findFirst().orElseThrow().id();
			switch (kind) {
				case "ACCOUNT_TEAM" -> actors.forEach(a -> customers.addTeamMember(id, a.userId(), TeamRole.SALES));
				case "POOL" -> pool.release(List.of(id), "矩阵测试");
				case "RECYCLE_BIN" -> customers.delete(id);
				default -> {
				}
			}
			return new Fixture(id, name, creditCode, phone, contact, contactName, member, ownerId);
		});
		buildingNanos += System.nanoTime() - started;
		return fixture;
	}

	private static String chinese(int number) {
		return String.valueOf(number).chars().mapToObj(d -> String.valueOf("零一二三四五六七八九".charAt(d - '0')))
			.collect(Collectors.joining());
	}

	private static String kindName(String kind) {
		return switch (kind) {
			case "OWN" -> "自有";
			case "KEEPER" -> "保留";
			case "SAME_UNIT" -> "同部门";
			case "UNIT_BELOW" -> "下级";
			case "OTHER_UNIT" -> "他部门";
			case "ACCOUNT_TEAM" -> "团队";
			case "POOL" -> "公海";
			case "RECYCLE_BIN" -> "回收站";
			case "OTHER_TENANT" -> "他租户";
			default -> "其他";
		};
	}

	// ---- the organisation built for the matrix

	@BeforeAll
	void quietMockMvc() {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
		for (MockMvcBuilderCustomizer customizer : context.getBeanProvider(MockMvcBuilderCustomizer.class)
			.orderedStream()
			.toList()) {
			if (customizer instanceof SpringBootMockMvcBuilderCustomizer printing) {
				SpringBootMockMvcBuilderCustomizer quiet = new SpringBootMockMvcBuilderCustomizer(context);
				quiet.setAddFilters(printing.isAddFilters());
				quiet.setPrint(MockMvcPrint.NONE);
				quiet.customize(builder);
			}
			else {
				customizer.customize(builder);
			}
		}
		mvc = builder.build();
	}

	@BeforeAll
	void buildTheOrganisation() {
		as("admin", () -> {
			long root = organisation.unitTree().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow().id();
			matrixUnit = unit("矩阵测试部", root);
			long below = unit("矩阵测试下级组", matrixUnit);
			long beside = unit("矩阵测试他部", root);
			List<String> readOnly = catalog.all().stream().filter(p -> p.endsWith(".view")).toList();
			Set<String> userAdmin = new HashSet<>(readOnly);
			userAdmin.add(PlatformPermissions.USERS);
			// the demo company has no user administrator below the administrator: the matrix adds one
			userAdminRole = organisation.createRole("MX_USER_ADMIN",
					new RoleCommand("矩阵用户管理员", DataScope.OWN, userAdmin));
			Role sales = roleByCode("SALES");
			for (String code : ACTING_ROLES) {
				Role role = roleByCode(code);
				String username = "mx-" + role.getCode().toLowerCase().replace('_', '-');
				long id = user(username, "矩阵" + role.getName(), matrixUnit, Set.of(role.getId()));
				KeyaccountUser details = (KeyaccountUser) staff.loadUserByUsername(username);
				actors.add(new Actor(username, role, id, role.getPermissions(), role.getDataScope(),
						role.getPermissions().containsAll(catalog.all()), details));
			}
			user("mx-colleague", "矩阵同事", matrixUnit, Set.of(sales.getId()));
			user("mx-successor", "矩阵接任者", matrixUnit, Set.of(sales.getId()));
			user("mx-leaver", "矩阵离职者", matrixUnit, Set.of(sales.getId()));
			user("mx-subordinate", "矩阵下属", below, Set.of(sales.getId()));
			user("mx-stranger", "矩阵他部门同事", beside, Set.of(sales.getId()));
			user("mx-bystander", "矩阵旁观者", beside, Set.of(sales.getId()));
			user("mx-newmember", "矩阵新成员", beside, Set.of(sales.getId()));
			user("mx-plain", "矩阵普通用户", matrixUnit, Set.of());
			user("mx-administrator", "矩阵管理员", matrixUnit, Set.of(adminRole().getId()));
			return null;
		});
		foreignTenant = installation.install(new InstallCommand("矩阵测试他方公司", "mx-foreigner", "他方管理员", PASSWORD,
				"管理员", false));
		users.put("mx-foreigner", ((KeyaccountUser) staff.loadUserByUsername("mx-foreigner")).userId());
		as("admin", () -> {
			organisation.setUserEnabled(users.get("mx-leaver"), false);
			return null;
		});
	}

	@AfterAll
	void letTheRescoreFinish() {
		Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.until(() -> count("select count(*) from value_run where status = 'RUNNING'").equals("0"));
	}

	private long unit(String name, long parent) {
		return organisation.createUnit(new UnitCommand(name, UnitType.DEPARTMENT, parent, 90, 0)).getId();
	}

	private long user(String username, String displayName, long unit, Set<Long> roles) {
		User user = organisation.createUser(new NewUserCommand(username, PASSWORD,
				new UserProfileCommand(displayName, null, null, unit, null, null, roles)));
		users.put(username, user.getId());
		return user.getId();
	}

	private Role roleByCode(String code) {
		return organisation.roles().stream().filter(r -> r.getCode().equals(code)).findFirst().orElseThrow();
	}

	private Role adminRole() {
		return roleByCode(Installation.ADMIN_ROLE);
	}

	/** Puts a user administered by a case back as built: enabled, unlocked, with these roles. */
	private void restoreUser(String username, Set<Long> roles) {
		long id = users.get(username);
		as("admin", () -> {
			User user = organisation.user(id);
			organisation.updateUser(id, new UserProfileCommand(user.getDisplayName(), null, null, matrixUnit, null, null,
					roles), user.getVersion());
			organisation.setUserEnabled(id, true);
			organisation.unlock(id);
			return null;
		});
	}

	private long scratchPosition() {
		return as("admin", () -> organisation.createPosition("矩阵临时岗位" + serial.incrementAndGet()).getId());
	}

	private <T> T as(String username, Supplier<T> work) {
		DemoUsers.signIn(staff, username);
		try {
			return work.get();
		}
		finally {
			DemoUsers.signOut();
		}
	}

	// ---- requests and probes

	/** What a write to an account may change: the row, its contacts, team, follow-ups, transfers and value data. */
	private String fingerprint(long account) {
		return text("select concat_ws('|', (select concat_ws(',', version, owner_user_id, in_pool, key_account,"
				+ " deleted_at, name) from account where id = " + account + "),"
				+ " (select concat_ws(',', count(*), sum(version), count(deleted_at)) from contact where account_id = "
				+ account + "), (select count(*) from account_team_member where account_id = " + account + "),"
				+ " (select count(*) from follow_up where account_id = " + account + "),"
				+ " (select count(*) from account_transfer where account_id = " + account + "),"
				+ " (select count(*) from value_transaction where account_id = " + account + "),"
				+ " (select concat_ws(',', count(*), sum(version)) from value_account_profile where account_id = "
				+ account + "))");
	}

	private String count(String sql) {
		return text(sql);
	}

	private String text(String sql) {
		return String.valueOf(jdbc.queryForObject(sql, Object.class));
	}

	private List<String> roleIdsOf(long userId) {
		return jdbc.queryForList("select role_id from app_user_role where user_id = ?", Long.class, userId)
			.stream()
			.map(String::valueOf)
			.toList();
	}

	private static MockHttpServletRequestBuilder withRoles(MockHttpServletRequestBuilder request, List<String> roleIds) {
		return roleIds.isEmpty() ? request : request.param("roleIds", roleIds.toArray(String[]::new));
	}

	private MockHttpServletRequestBuilder userForm(Case c, Managed managed, String displayName) {
		long id = users.get(managed == Managed.PLAIN_USER ? "mx-plain" : "mx-administrator");
		return post("/admin/users/" + id).param("username", managed == Managed.PLAIN_USER ? "mx-plain" : "mx-administrator")
			.param("displayName", displayName)
			.param("unitId", String.valueOf(matrixUnit))
			.param("version", text("select version from app_user where id = " + id));
	}

	/** The default value settings, as the settings form posts them. */
	private static MockHttpServletRequestBuilder valueSettingsForm(MockHttpServletRequestBuilder request)
			throws ReflectiveOperationException {
		ValueSettings defaults = ValueSettings.defaults();
		for (var component : ValueSettings.class.getRecordComponents()) {
			request.param(component.getName(), String.valueOf(component.getAccessor().invoke(defaults)));
		}
		return request;
	}

	private static MockHttpServletRequestBuilder accountForm(MockHttpServletRequestBuilder request, String name) {
		return request.param("name", name)
			.param("industry", "TELECOM")
			.param("provinceCode", "330000")
			.param("cityCode", "330100")
			.param("employees", "120")
			.param("ownershipType", "PRIVATE")
			.param("source", "REFERRAL")
			.param("status", "INTENT")
			.param("purchasingMode", "CENTRALISED")
			.param("purchasePattern", "CONTINUOUS")
			.param("tags", "测试");
	}

	private static String accountJson(String name, Long parentId, Long ownerUserId, String version) {
		return "{\"name\":\"" + name + "\",\"industry\":\"TELECOM\",\"provinceCode\":\"330000\",\"cityCode\":\"330100\","
				+ "\"employees\":120,\"ownershipType\":\"PRIVATE\",\"source\":\"REFERRAL\",\"status\":\"INTENT\","
				+ "\"purchasingMode\":\"CENTRALISED\",\"purchasePattern\":\"CONTINUOUS\",\"tags\":[\"测试\"]"
				+ (parentId == null ? "" : ",\"parentId\":" + parentId)
				+ (ownerUserId == null ? "" : ",\"ownerUserId\":" + ownerUserId)
				+ (version == null ? "" : ",\"version\":" + version) + "}";
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
	}

	private String followUpPath(Case c) {
		return "/customers/accounts/" + c.account() + "/follow-ups/" + c.followUp();
	}

	private String notificationUnread(Case c) {
		return count("select count(*) from notification where read_at is null and id = " + c.notification());
	}

	private String followUpState(Case c) {
		return text("select concat_ws(',', version, summary, deleted_at) from follow_up where id = " + c.followUp());
	}

	/**
	 * The ledger import as a user goes through it: uploads the file (a dry run), waits for the check, and answers
	 * the request that imports the checked file, which is the case. An upload that is refused is the case itself.
	 */
	private AbstractMockHttpServletRequestBuilder<?> checkedLedgerImport(Case c) throws Exception {
		Supplier<AbstractMockHttpServletRequestBuilder<?>> upload = () -> multipart("/value/ledger/import")
			.file(ledgerFile(c.fixture().name(), c.serial()));
		if (c.signedOut) {
			return upload.get();
		}
		MockHttpServletResponse uploaded;
		try {
			// a page (200) rather than the job: his previous import may still be giving its place back
			uploaded = Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.pollInSameThread()
				.until(() -> mvc.perform(upload.get().with(SecurityMockMvcRequestPostProcessors.user(c.actor.details()))
					.with(csrf())).andReturn().getResponse(), response -> response.getStatus() != 200);
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return upload.get();
		}
		String location = uploaded.getRedirectedUrl();
		if (location == null || !location.startsWith("/value/ledger/import/jobs/")) {
			return upload.get();
		}
		String jobId = location.substring("/value/ledger/import/jobs/".length());
		awaitLedgerJob(c.actor.username(), jobId);
		return post(location);
	}

	/** Starts a dry run as the user (once his previous import has given its place back) and waits for its end. */
	private String startLedgerJob(String username, String csv) {
		String jobId = Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.pollInSameThread()
			.ignoreExceptionsInstanceOf(BusinessRuleException.class)
			.until(() -> as(username, () -> ledgerImport.start("ledger.csv",
					new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), true)), Objects::nonNull);
		awaitLedgerJob(username, jobId);
		return jobId;
	}

	private void awaitLedgerJob(String username, String jobId) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.pollInSameThread()
			.until(() -> as(username, () -> ledgerImport.progress(jobId).finished()));
	}

	private static MockMultipartFile ledgerFile(String accountName, int serial) {
		String csv = "客户名称,日期,金额,单号\n" + accountName + ",2025-03-01,1000.00,MX-" + serial + "\n";
		return new MockMultipartFile("file", "ledger.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

	private static MockMultipartFile accountsFile(int serial) {
		String csv = "客户名称,行业,省份\n杭州矩阵导入" + serial + "号测试有限公司,通信,浙江省\n";
		return new MockMultipartFile("file", "accounts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
	}

}
