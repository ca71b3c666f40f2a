package io.keyaccount.platform.operations;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives an embedded H2 database configured without a password (the default) its generated one, before the data
 * source is built: see {@link EmbeddedDatabase}. A password configured explicitly is used as it is.
 */
class EmbeddedDatabasePassword implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String url = environment.getProperty("spring.datasource.url");
		String user = environment.getProperty("spring.datasource.username", "sa");
		if (!environment.getProperty("spring.datasource.password", "").isEmpty()) {
			return;
		}
		EmbeddedDatabase.of(url).ifPresent(database -> environment.getPropertySources()
			.addFirst(new MapPropertySource("embeddedDatabasePassword",
					Map.of("spring.datasource.password", database.password(url, user)))));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
