package io.keyaccount.platform.setup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.setup.Installation.InstallCommand;

/**
 * Installs at start-up when configuration says so: the demo company ({@code demo} profile), or an
 * administrator named in {@code keyaccount.admin.username/password}. Otherwise the setup page does it.
 * <p>
 * A start-up step, before the web server: a visitor arriving earlier would be sent to the setup page of a
 * company that is about to exist.
 */
@Component
class StartupInstallation extends StartupStep {

	private static final Logger log = LoggerFactory.getLogger(StartupInstallation.class);

	private final Installation installation;

	private final SetupProperties properties;

	private final MessageSource messages;

	StartupInstallation(Installation installation, SetupProperties properties, MessageSource messages) {
		super(INSTALLATION);
		this.installation = installation;
		this.properties = properties;
		this.messages = messages;
	}

	@Override
	protected void runAtStartup() {
		if (installation.isInstalled()) {
			return;
		}
		String adminRole = messages.getMessage("role.admin", null, java.util.Locale.SIMPLIFIED_CHINESE);
		if (properties.demo().loadOnStart()) {
			installation.installFirst(new InstallCommand(DemoOrganisation.COMPANY, "admin",
					messages.getMessage("demo.adminName", null, java.util.Locale.SIMPLIFIED_CHINESE),
					properties.demo().password(), adminRole, true));
			log.info("Demo company loaded; sign in as 'admin' with the demo password");
		}
		else if (!properties.admin().username().isBlank()) {
			installation.installFirst(new InstallCommand(properties.admin().company(), properties.admin().username(),
					properties.admin().username(), properties.admin().password(), adminRole, false));
			log.info("Administrator '{}' created from configuration", properties.admin().username());
		}
	}

}
