package io.keyaccount.customer;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.platform.security.PermissionGroup;

/** What a role may do with customers; what it may see is its data scope. */
@Configuration(proxyBeanMethods = false)
public class CustomerPermissions {

	public static final String VIEW = "customer.view";

	public static final String EDIT = "customer.edit";

	public static final String DELETE = "customer.delete";

	public static final String TRANSFER = "customer.transfer";

	public static final String POOL = "customer.pool";

	public static final String IMPORT = "customer.import";

	public static final String EXPORT = "customer.export";

	public static final String SETTINGS = "customer.settings";

	@Bean
	PermissionGroup customerPermissionGroup() {
		return new PermissionGroup("customer", 100, List.of(VIEW, EDIT, DELETE, TRANSFER, POOL, IMPORT, EXPORT, SETTINGS));
	}

}
