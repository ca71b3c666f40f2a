package io.keyaccount.platform.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Permissions for the administration pages. */
@Configuration(proxyBeanMethods = false)
public class PlatformPermissions {

	public static final String UNITS = "admin.units";

	public static final String USERS = "admin.users";

	public static final String ROLES = "admin.roles";

	public static final String AUDIT = "admin.audit";

	public static final String RECYCLE_BIN = "admin.recycleBin";

	@Bean
	PermissionGroup platformPermissionGroup() {
		return new PermissionGroup("admin", 900, List.of(UNITS, USERS, ROLES, AUDIT, RECYCLE_BIN));
	}

}
