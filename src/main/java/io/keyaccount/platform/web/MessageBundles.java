package io.keyaccount.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its UI text in its own bundle, {@code messages/<module>_zh_CN.properties} and
 * {@code messages/<module>_en.properties}; all bundles found on the class path are loaded, so adding a module
 * never means editing a shared file.
 */
@Configuration(proxyBeanMethods = false)
class MessageBundles {

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames());
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static String[] basenames() {
		try {
			Resource[] bundles = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:messages/*_zh_CN.properties");
			return Arrays.stream(bundles)
				.map(Resource::getFilename)
				.filter(Objects::nonNull)
				.map(name -> "messages/" + name.substring(0, name.length() - "_zh_CN.properties".length()))
				.distinct()
				.sorted()
				.toArray(String[]::new);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
