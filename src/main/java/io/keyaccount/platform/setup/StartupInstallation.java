package io.keyaccount.platform.setup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.keyaccount.platform.setup.Installation.InstallCommand;

/**
 * Installs at start-up when configuration says so: the demo company ({@code demo} profile), or an
 * administrator named in {@code keyaccount.admin.username/password}. Otherwise the setup page does it.
 * <p>
 * A lifecycle bean in an early phase rather than an {@code ApplicationRunner}: runners run after the web server
 * accepts requests, and a visitor arriving in between would be sent to the setup page of a company that is
 * about to exist.
 */
@Component
class StartupInstallation implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StartupInstallation.class);

	private final Installation installation;

	private final SetupProperties properties;

	private final MessageSource messages;

	StartupInstallation(Installation installation, SetupProperties properties, MessageSource messages) {
		this.installation = installation;
		this.properties = properties;
		this.messages = messages;
	}

	private volatile boolean running;

	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public void start() {
		running = true;
		if (installation.isInstalled()) {
			return;
		}
		String adminRole = messages.getMessage("role.admin", null, java.util.Locale.SIMPLIFIED_CHINESE);
		if (properties.demo().loadOnStart()) {
			installation.install(new InstallCommand(DemoOrganisation.COMPANY, "admin",
					messages.getMessage("demo.adminName", null, java.util.Locale.SIMPLIFIED_CHINESE),
					properties.demo().password(), adminRole, true));
			log.info("Demo company loaded; sign in as 'admin' with the demo password");
		}
		else if (!properties.admin().username().isBlank()) {
			installation.install(new InstallCommand(properties.admin().company(), properties.admin().username(),
					properties.admin().username(), properties.admin().password(), adminRole, false));
			log.info("Administrator '{}' created from configuration", properties.admin().username());
		}
	}

}
