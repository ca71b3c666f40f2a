package io.keyaccount.platform.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Users extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

	Optional<User> findByUsername(String username);

	List<User> findByUnitIdIn(java.util.Collection<Long> unitIds);

	List<User> findByEnabledTrueOrderByDisplayNameAsc();

	/** Every user's id and display name, without loading the users and their roles. */
	@org.springframework.data.jpa.repository.Query("select u.id, u.displayName from User u")
	List<Object[]> findIdsAndNames();

	/** Usernames are unique across tenants, because the login form does not ask for a company. */
	@org.springframework.data.jpa.repository.Query(value = "select count(*) from app_user where username = :username", nativeQuery = true)
	long countByUsernameAcrossTenants(String username);

	/** The holders of a redefined role read their rights again (V32); answers who they are. */
	default List<Long> raiseRightsVersionOfHolders(long roleId) {
		List<Long> holders = findIdsHoldingRole(roleId);
		if (!holders.isEmpty()) {
			raiseRightsVersion(holders);
		}
		return holders;
	}

	@org.springframework.data.jpa.repository.Query(value = "select user_id from app_user_role where role_id = :roleId", nativeQuery = true)
	List<Long> findIdsHoldingRole(long roleId);

	@org.springframework.data.jpa.repository.Modifying
	@org.springframework.data.jpa.repository.Query(value = "update app_user set rights_version = rights_version + 1 where id in (:userIds)", nativeQuery = true)
	int raiseRightsVersion(java.util.Collection<Long> userIds);

}
