package io.keyaccount.customer.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.platform.web.NavigationItem;
import io.keyaccount.platform.web.WorkbenchCard;

@Configuration(proxyBeanMethods = false)
class CustomerNavigation {

	@Bean
	NavigationItem accountsNavigation() {
		return new NavigationItem("customer", 10, "nav.customer.accounts", "/customers/accounts", "building",
				CustomerPermissions.VIEW);
	}

	@Bean
	NavigationItem contactsNavigation() {
		return new NavigationItem("customer", 20, "nav.customer.contacts", "/customers/contacts", "person-lines-fill",
				CustomerPermissions.VIEW);
	}

	@Bean
	NavigationItem poolNavigation() {
		return new NavigationItem("customer", 30, "nav.customer.pool", "/customers/pool", "water", CustomerPermissions.POOL);
	}

	@Bean
	NavigationItem handoverNavigation() {
		return new NavigationItem("customer", 40, "nav.customer.handover", "/customers/handover", "arrow-left-right",
				CustomerPermissions.TRANSFER);
	}

	@Bean
	NavigationItem poolSettingsNavigation() {
		return new NavigationItem("admin", 70, "nav.customer.settings", "/customers/settings", "sliders",
				CustomerPermissions.SETTINGS);
	}

	@Bean
	WorkbenchCard customerWorkbenchCard() {
		return new WorkbenchCard("customer/workbench :: card", 10);
	}

}
