package io.keyaccount.platform.setup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyaccount.admin.*} creates the first administrator at start-up instead of the setup page;
 * {@code keyaccount.demo.*} loads the demo company at start-up (the {@code demo} profile turns it on).
 */
@ConfigurationProperties("keyaccount")
public record SetupProperties(@DefaultValue Admin admin, @DefaultValue Demo demo) {

	public record Admin(@DefaultValue("") String username, @DefaultValue("") String password,
			@DefaultValue("Keyaccount") String company) {
	}

	public record Demo(@DefaultValue("false") boolean loadOnStart, @DefaultValue("Demo@2026") String password) {
	}

}
