package io.keyaccount.platform.setup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.OrgUnit;
import io.keyaccount.platform.organisation.OrgUnits;
import io.keyaccount.platform.organisation.PasswordPolicy;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.organisation.UnitType;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.security.PermissionCatalog;
import io.keyaccount.platform.tenancy.Tenant;
import io.keyaccount.platform.tenancy.TenantContext;
import io.keyaccount.platform.tenancy.Tenants;
import io.keyaccount.platform.validation.BusinessRuleException;

/**
 * First-run installation: a tenant, its root unit, the administrator role and the first administrator. A new
 * database has no user and therefore no default password.
 */
@Service
public class Installation {

	public static final String ADMIN_ROLE = "ADMIN";

	private final JdbcTemplate jdbc;

	private final Tenants tenants;

	private final OrgUnits units;

	private final Organisation organisation;

	private final PermissionCatalog permissions;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final PasswordPolicy passwordPolicy;

	private volatile boolean installed;

	Installation(JdbcTemplate jdbc, Tenants tenants, OrgUnits units, Organisation organisation,
			PermissionCatalog permissions, ApplicationEventPublisher events, PlatformTransactionManager txManager,
			PasswordPolicy passwordPolicy) {
		this.passwordPolicy = passwordPolicy;
		this.transactions = new TransactionTemplate(txManager);
		this.jdbc = jdbc;
		this.tenants = tenants;
		this.units = units;
		this.organisation = organisation;
		this.permissions = permissions;
		this.events = events;
	}

	public boolean isInstalled() {
		if (!installed) {
			Long count = jdbc.queryForObject("select count(*) from app_user", Long.class);
			installed = count != null && count > 0;
		}
		return installed;
	}

	/**
	 * Installs the first company of a new database, once: of concurrent set-ups (two administrators on the setup
	 * page, or a double click) the one that inserts the single row of {@code installation} (V33) goes on, the
	 * others are refused with {@link AlreadyInstalledException}. A set-up that fails gives the row back.
	 */
	public long installFirst(InstallCommand command) {
		// A set-up refused for its password must not make a concurrent, acceptable one lose the race.
		passwordPolicy.check("password", command.username(), command.password());
		try {
			transactions.executeWithoutResult(status -> jdbc
				.update("insert into installation (id, installed_at) values (1, ?)", Timestamp.from(Instant.now())));
		}
		catch (DataIntegrityViolationException ex) {
			throw new AlreadyInstalledException();
		}
		try {
			return install(command);
		}
		catch (RuntimeException ex) {
			transactions.executeWithoutResult(status -> jdbc.update("delete from installation where id = 1"));
			throw ex;
		}
	}

	/**
	 * Creates the company (as a new tenant) with its first administrator; with {@code loadDemo} the demo company's
	 * units, users and records are added by every module listening for {@link DemoCompanyRequested}. Set-up calls
	 * {@link #installFirst}; this adds further companies to an installed database.
	 */
	public long install(InstallCommand command) {
		if (command.companyName() == null || command.companyName().isBlank()) {
			throw new BusinessRuleException("companyName", "validation.required");
		}
		// The tenant row is committed first: Hibernate binds a session to one tenant when it opens, so the
		// tenant's own records are written in a new transaction opened as that tenant.
		long tenantId = transactions.execute(status -> {
			long id = tenants.count() == 0 ? TenantContext.DEFAULT_TENANT : tenants.maxId() + 1;
			tenants.save(new Tenant(id, id == TenantContext.DEFAULT_TENANT ? "default" : "t" + id,
					command.companyName().trim()));
			return id;
		});
		try {
			TenantContext.runAs(tenantId, () -> transactions.executeWithoutResult(status -> populate(tenantId, command)));
		}
		catch (RuntimeException ex) {
			transactions.executeWithoutResult(status -> tenants.deleteById(tenantId));
			throw ex;
		}
		installed = true;
		return tenantId;
	}

	private void populate(long tenantId, InstallCommand command) {
		OrgUnit root = units.save(new OrgUnit(command.companyName().trim(), UnitType.COMPANY, null, 0));
		Role admin = organisation.createRole(ADMIN_ROLE,
				new RoleCommand(command.adminRoleName(), DataScope.ALL, Set.copyOf(permissions.all())));
		User user = organisation.createUser(new NewUserCommand(command.username(), command.password(),
				new UserProfileCommand(command.displayName(), null, null, root.getId(), null, null,
						Set.of(admin.getId()))));
		if (command.loadDemo()) {
			events.publishEvent(new DemoCompanyRequested(tenantId, root.getId(), user.getId()));
		}
	}

	/** Another set-up installed the first company first. */
	public static class AlreadyInstalledException extends RuntimeException {

		AlreadyInstalledException() {
			super("already installed");
		}

	}

	/** What the setup page and the configured administrator provide. */
	public record InstallCommand(String companyName, String username, String displayName, String password,
			String adminRoleName, boolean loadDemo) {
	}

	/** Modules add their demo records; the root unit and the administrator already exist. */
	public record DemoCompanyRequested(long tenantId, long rootUnitId, long adminUserId) {
	}


}
