package io.keyaccount.platform.organisation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.ChineseIdentifiers;
import io.keyaccount.platform.validation.Limits;

/** The platform's facade for the organisation: the unit tree, positions, users and roles. */
@Service
@Transactional
public class Organisation {

	private final OrgUnits units;

	private final Users users;

	private final Roles roles;

	private final PositionTitles positions;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final OrganisationSnapshots snapshots;

	private final ApplicationEventPublisher events;

	Organisation(OrgUnits units, Users users, Roles roles, PositionTitles positions, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, OrganisationSnapshots snapshots, ApplicationEventPublisher events) {
		this.snapshots = snapshots;
		this.events = events;
		this.units = units;
		this.users = users;
		this.roles = roles;
		this.positions = positions;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
	}

	// ---- units

	@Transactional(readOnly = true)
	public List<UnitNode> unitTree() {
		List<OrgUnit> all = units.findAllByOrderBySortOrderAscNameAsc();
		Map<Long, List<OrgUnit>> byParent = all.stream()
			.filter(u -> u.getParentId() != null)
			.collect(Collectors.groupingBy(OrgUnit::getParentId));
		Set<Long> ids = all.stream().map(OrgUnit::getId).collect(Collectors.toSet());
		List<UnitNode> flat = new ArrayList<>();
		all.stream()
			.filter(u -> u.getParentId() == null || !ids.contains(u.getParentId()))
			.forEach(root -> flatten(root, 0, byParent, flat));
		return flat;
	}

	private void flatten(OrgUnit unit, int depth, Map<Long, List<OrgUnit>> byParent, List<UnitNode> out) {
		out.add(new UnitNode(unit.getId(), unit.getParentId(), unit.getName(), unit.getType(), depth,
				unit.isEnabled(), unit.getSortOrder(), unit.getVersion()));
		for (OrgUnit child : byParent.getOrDefault(unit.getId(), List.of())) {
			flatten(child, depth + 1, byParent, out);
		}
	}

	public OrgUnit createUnit(UnitCommand command) {
		Limits.check(command, "unit");
		requireUnit(command.parentId());
		snapshots.changed();
		return units.save(new OrgUnit(command.name().trim(), command.type(), command.parentId(), command.sortOrder()));
	}

	public OrgUnit updateUnit(long id, UnitCommand command) {
		Limits.check(command, "unit");
		OrgUnit unit = unit(id);
		unit.checkVersion(command.version());
		if (command.parentId() != null && !command.parentId().equals(unit.getParentId())) {
			requireUnit(command.parentId());
			if (unitAndDescendants(id).contains(command.parentId())) {
				throw new BusinessRuleException("parentId", "unit.cannotMoveUnderItself");
			}
			unit.moveUnder(command.parentId());
		}
		unit.describe(command.name().trim(), command.type(), command.sortOrder());
		snapshots.changed();
		return unit;
	}

	public void setUnitEnabled(long id, boolean enabled) {
		OrgUnit unit = unit(id);
		if (enabled) {
			unit.enable();
			return;
		}
		if (unit.getParentId() == null) {
			throw BusinessRuleException.general("unit.cannotDisableRoot");
		}
		boolean hasActiveUsers = users.findByUnitIdIn(unitAndDescendants(id)).stream().anyMatch(User::isEnabled);
		if (hasActiveUsers) {
			throw BusinessRuleException.general("unit.hasActiveUsers", unit.getName());
		}
		unit.disable();
	}

	@Transactional(readOnly = true)
	public OrgUnit unit(long id) {
		return units.findById(id).orElseThrow(() -> new NotFoundException("OrgUnit", id));
	}

	private void requireUnit(Long id) {
		if (id == null || units.findById(id).isEmpty()) {
			throw new BusinessRuleException("parentId", "unit.parentRequired");
		}
	}

	/*
	 * The unit tree and the names come from the tenant's snapshot in memory: these run in no transaction of their
	 * own (they join a caller's), as every request asks them and a transaction would cost more than the answer
	 * (ADR 0012). Reading a new snapshot, the repositories open their own.
	 */

	/** The unit and every unit below it, for "own unit and below" data scopes. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Set<Long> unitAndDescendants(long unitId) {
		return snapshots.unitAndDescendants(unitId);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, String> unitNames() {
		return snapshots.unitNames();
	}

	/** {@link #unitNames()} of just these units (a page's worth), from the tenant's organisation snapshot. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, String> unitNames(Collection<Long> ids) {
		return snapshots.unitNames(ids);
	}

	// ---- positions

	@Transactional(readOnly = true)
	public List<PositionTitle> positions() {
		return positions.findAllByOrderByNameAsc();
	}

	public PositionTitle createPosition(String name) {
		return positions.save(new PositionTitle(positionName(name)));
	}

	public void renamePosition(long id, String name, long version) {
		PositionTitle position = positions.findById(id).orElseThrow(() -> new NotFoundException("PositionTitle", id));
		position.checkVersion(version);
		position.rename(positionName(name));
	}

	private static String positionName(String name) {
		return Limits.checkLength("name", "position.name", requireText("name", name), 100);
	}

	public void deletePosition(long id) {
		positions.findById(id).ifPresent(PositionTitle::moveToRecycleBin);
	}

	// ---- users

	@Transactional(readOnly = true)
	public Page<User> users(UserQuery query, Pageable pageable) {
		Specification<User> spec = (root, q, cb) -> cb.conjunction();
		if (StringUtils.hasText(query.keyword())) {
			String like = "%" + query.keyword().trim().toLowerCase() + "%";
			spec = spec.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("username")), like),
					cb.like(cb.lower(root.get("displayName")), like)));
		}
		if (query.unitId() != null) {
			Set<Long> unitIds = unitAndDescendants(query.unitId());
			spec = spec.and((root, q, cb) -> root.get("unitId").in(unitIds));
		}
		if (query.enabled() != null) {
			spec = spec.and((root, q, cb) -> cb.equal(root.get("enabled"), query.enabled()));
		}
		return users.findAll(spec, pageable);
	}

	@Transactional(readOnly = true)
	public User user(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	@Transactional(readOnly = true)
	public Optional<User> findUser(long id) {
		return users.findById(id);
	}

	@Transactional(readOnly = true)
	public List<User> activeUsers() {
		return users.findByEnabledTrueOrderByDisplayNameAsc();
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, String> userNames() {
		return snapshots.userNames();
	}

	/** {@link #userNames()} of just these users (a page's worth), from the tenant's organisation snapshot. */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<Long, String> userNames(Collection<Long> ids) {
		return snapshots.userNames(ids);
	}

	/** The display name of this company's user with this login name, if there is one. */
	@Transactional(readOnly = true)
	public Optional<String> displayNameOf(String username) {
		return users.findByUsername(username).map(User::getDisplayName);
	}

	public User createUser(NewUserCommand command) {
		Limits.check(command.profile(), "user");
		String username = requireText("username", command.username()).toLowerCase();
		if (!username.matches("[a-z0-9._@-]{2,64}")) {
			throw new BusinessRuleException("username", "user.usernameInvalid");
		}
		if (users.findByUsername(username).isPresent() || usernameTakenInAnyTenant(username)) {
			throw new BusinessRuleException("username", "user.usernameTaken", username);
		}
		passwordPolicy.check("password", username, command.password());
		requireUnitForUser(command.profile().unitId());
		User user = new User(username, requireText("displayName", command.profile().displayName()),
				passwordEncoder.encode(command.password()), command.profile().unitId());
		apply(user, command.profile());
		snapshots.changed();
		return users.save(user);
	}

	private boolean usernameTakenInAnyTenant(String username) {
		return users.countByUsernameAcrossTenants(username) > 0;
	}

	public User updateUser(long id, UserProfileCommand command, long version) {
		Limits.check(command, "user");
		User user = user(id);
		user.checkVersion(version);
		requireUnitForUser(command.unitId());
		if (command.managerId() != null && command.managerId() == id) {
			throw new BusinessRuleException("managerId", "user.cannotManageSelf");
		}
		apply(user, command);
		snapshots.changed();
		events.publishEvent(StaffAccessChanged.rights(id));
		return user;
	}

	private void apply(User user, UserProfileCommand command) {
		if (command.managerId() != null && users.findById(command.managerId()).isEmpty()) {
			throw new BusinessRuleException("managerId", "user.managerUnknown");
		}
		if (command.positionId() != null && positions.findById(command.positionId()).isEmpty()) {
			throw new BusinessRuleException("positionId", "user.positionUnknown");
		}
		user.describe(requireText("displayName", command.displayName()),
				ChineseIdentifiers.optionalEmail("email", command.email()),
				ChineseIdentifiers.optionalMobile("mobile", command.mobile()), command.positionId(),
				command.managerId());
		user.moveTo(command.unitId());
		List<Long> known = roles.findAllById(command.roleIds()).stream().map(Role::getId).toList();
		user.grantRoles(known);
	}

	private void requireUnitForUser(Long unitId) {
		if (unitId == null || units.findById(unitId).filter(OrgUnit::isEnabled).isEmpty()) {
			throw new BusinessRuleException("unitId", "user.unitRequired");
		}
	}

	public void setUserEnabled(long id, boolean enabled) {
		User user = user(id);
		if (enabled) {
			user.enable();
		}
		else {
			user.disable();
		}
		events.publishEvent(StaffAccessChanged.rights(id));
	}

	public void resetPassword(long id, String newPassword) {
		User user = user(id);
		passwordPolicy.check("password", user.getUsername(), newPassword);
		user.changePasswordHash(passwordEncoder.encode(newPassword));
		user.unlock();
		events.publishEvent(new StaffAccessChanged(Set.of(id), true));
	}

	public void changeOwnPassword(long id, String currentPassword, String newPassword) {
		User user = user(id);
		if (!passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new BusinessRuleException("currentPassword", "password.currentWrong");
		}
		resetPassword(id, newPassword);
	}

	public void unlock(long id) {
		user(id).unlock();
	}

	public void preferLocale(long userId, String locale) {
		users.findById(userId).ifPresent(u -> u.preferLocale(locale));
	}

	// ---- roles

	@Transactional(readOnly = true)
	public List<Role> roles() {
		return roles.findAllByOrderByIdAsc();
	}

	@Transactional(readOnly = true)
	public Role role(long id) {
		return roles.findById(id).orElseThrow(() -> new NotFoundException("Role", id));
	}

	public Role createRole(String code, RoleCommand command) {
		Limits.check(command, "role");
		String normalized = requireText("code", code).toUpperCase();
		if (!normalized.matches("[A-Z][A-Z0-9_]{1,63}")) {
			throw new BusinessRuleException("code", "role.codeInvalid");
		}
		if (roles.findByCode(normalized).isPresent()) {
			throw new BusinessRuleException("code", "role.codeTaken", normalized);
		}
		return roles.save(new Role(normalized, requireText("name", command.name()), command.dataScope(),
				command.permissions()));
	}

	public Role updateRole(long id, RoleCommand command, long version) {
		Limits.check(command, "role");
		Role role = role(id);
		role.checkVersion(version);
		role.redefine(requireText("name", command.name()), command.dataScope(), command.permissions());
		Set<Long> holders = Set.copyOf(users.raiseRightsVersionOfHolders(id));
		events.publishEvent(new StaffAccessChanged(holders, false));
		return role;
	}

	@Transactional(readOnly = true)
	public DataScope widestScope(Set<Long> roleIds) {
		return roles.findAllById(roleIds)
			.stream()
			.map(Role::getDataScope)
			.reduce(DataScope.OWN, DataScope::widest);
	}

	@Transactional(readOnly = true)
	public Set<String> permissionsOf(Set<Long> roleIds) {
		Set<String> result = new HashSet<>();
		roles.findAllById(roleIds).forEach(r -> result.addAll(r.getPermissions()));
		return result;
	}

	@Transactional(readOnly = true)
	public Map<Long, Role> rolesById() {
		return roles.findAll().stream().collect(Collectors.toMap(Role::getId, Function.identity()));
	}

	private static String requireText(String field, String value) {
		if (!StringUtils.hasText(value)) {
			throw new BusinessRuleException(field, "validation.required");
		}
		return value.trim();
	}

	public record UnitNode(long id, Long parentId, String name, UnitType type, int depth, boolean enabled,
			int sortOrder, long version) {
	}

	/** The limits are the columns' sizes ({@code org_unit}, {@code app_user}, {@code app_role} in V1). */
	public record UnitCommand(@NotBlank @Size(max = 100) String name, @NotNull UnitType type, Long parentId,
			int sortOrder, long version) {
	}

	public record UserProfileCommand(@NotBlank @Size(max = 100) String displayName, @Size(max = 200) String email,
			@Size(max = 20) String mobile, Long unitId, Long positionId, Long managerId, @NotNull Set<Long> roleIds) {
	}

	public record NewUserCommand(String username, String password, UserProfileCommand profile) {
	}

	public record RoleCommand(@NotBlank @Size(max = 100) String name, @NotNull DataScope dataScope,
			@NotNull Set<@Size(max = 64) String> permissions) {
	}

	public record UserQuery(String keyword, Long unitId, Boolean enabled) {
	}

}
