package io.keyaccount.value;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.platform.security.PermissionGroup;

/** What a role may do with customer value; which accounts it sees is its data scope. */
@Configuration(proxyBeanMethods = false)
public class ValuePermissions {

	public static final String VIEW = "value.view";

	public static final String RESCORE = "value.rescore";

	public static final String SETTINGS = "value.settings";

	public static final String IMPORT = "value.import";

	@Bean
	PermissionGroup valuePermissionGroup() {
		return new PermissionGroup("value", 300, List.of(VIEW, RESCORE, SETTINGS, IMPORT));
	}

}
