package io.keyaccount.platform.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.platform.security.PlatformPermissions;
import io.keyaccount.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AdminNavigation {

	@Bean
	NavigationItem unitsNavigation() {
		return new NavigationItem("admin", 10, "nav.admin.units", "/admin/units", "diagram-3", PlatformPermissions.UNITS);
	}

	@Bean
	NavigationItem usersNavigation() {
		return new NavigationItem("admin", 20, "nav.admin.users", "/admin/users", "people", PlatformPermissions.USERS);
	}

	@Bean
	NavigationItem rolesNavigation() {
		return new NavigationItem("admin", 30, "nav.admin.roles", "/admin/roles", "shield-lock", PlatformPermissions.ROLES);
	}

	@Bean
	NavigationItem positionsNavigation() {
		return new NavigationItem("admin", 40, "nav.admin.positions", "/admin/positions", "person-badge",
				PlatformPermissions.USERS);
	}

	@Bean
	NavigationItem auditNavigation() {
		return new NavigationItem("admin", 50, "nav.admin.audit", "/admin/audit", "journal-text", PlatformPermissions.AUDIT);
	}

	@Bean
	NavigationItem recycleBinNavigation() {
		return new NavigationItem("admin", 60, "nav.admin.recycleBin", "/admin/recycle-bin", "trash",
				PlatformPermissions.RECYCLE_BIN);
	}

}
