package io.keyaccount.value.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.customer.AccountTab;
import io.keyaccount.platform.web.NavigationItem;
import io.keyaccount.value.ValuePermissions;

@Configuration(proxyBeanMethods = false)
class ValueNavigation {

	@Bean
	NavigationItem valueDashboardNavigation() {
		return new NavigationItem("value", 10, "nav.value.dashboard", "/value/dashboard", "graph-up-arrow",
				ValuePermissions.VIEW);
	}

	@Bean
	NavigationItem valueAccountsNavigation() {
		return new NavigationItem("value", 20, "nav.value.accounts", "/value/accounts", "list-ol", ValuePermissions.VIEW);
	}

	@Bean
	NavigationItem valueClassesNavigation() {
		return new NavigationItem("value", 30, "nav.value.classes", "/value/classes", "grid-3x3-gap",
				ValuePermissions.VIEW);
	}

	@Bean
	NavigationItem valueChangesNavigation() {
		return new NavigationItem("value", 40, "nav.value.changes", "/value/changes", "arrow-down-up",
				ValuePermissions.VIEW);
	}

	@Bean
	NavigationItem valueLedgerNavigation() {
		return new NavigationItem("value", 50, "nav.value.ledger", "/value/ledger", "journal-text", ValuePermissions.VIEW);
	}

	@Bean
	NavigationItem valueSettingsNavigation() {
		return new NavigationItem("admin", 80, "nav.value.settings", "/value/settings", "speedometer2",
				ValuePermissions.SETTINGS);
	}

	@Bean
	AccountTab valueAccountTab() {
		return new AccountTab("value", "value.tab", 50, "/value/accounts/{id}/tab", ValuePermissions.VIEW);
	}

}
