package io.keyaccount.notify;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.platform.security.PermissionGroup;

/**
 * Reading one's own notifications and choosing one's channels needs no permission; setting up the company's robots
 * and defaults, and seeing and retrying failed deliveries, does.
 */
@Configuration(proxyBeanMethods = false)
public class NotifyPermissions {

	public static final String ADMIN = "admin.notifications";

	@Bean
	PermissionGroup notifyPermissionGroup() {
		return new PermissionGroup("notify", 800, List.of(ADMIN));
	}

}
