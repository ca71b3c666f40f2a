package io.keyaccount.notify.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.notify.NotifyPermissions;
import io.keyaccount.platform.web.NavigationItem;

@Configuration(proxyBeanMethods = false)
class NotifyNavigation {

	@Bean
	NavigationItem notificationChannelsNavigation() {
		return new NavigationItem("admin", 70, "nav.admin.notificationChannels", "/admin/notifications/channels",
				"broadcast", NotifyPermissions.ADMIN);
	}

	@Bean
	NavigationItem failedDeliveriesNavigation() {
		return new NavigationItem("admin", 80, "nav.admin.failedDeliveries", "/admin/notifications/deliveries",
				"exclamation-triangle", NotifyPermissions.ADMIN);
	}

}
