package io.keyaccount.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import io.keyaccount.platform.organisation.Organisation;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SetupGuard setupGuard;

	WebConfiguration(SetupGuard setupGuard) {
		this.setupGuard = setupGuard;
	}

	@Bean
	LocaleResolver localeResolver(Organisation organisation) {
		return new UserLocaleResolver(organisation);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor localeChange = new LocaleChangeInterceptor();
		localeChange.setParamName("lang");
		localeChange.setIgnoreInvalidLocale(true);
		registry.addInterceptor(localeChange);
		registry.addInterceptor(setupGuard).excludePathPatterns("/setup", "/webjars/**", "/css/**", "/js/**",
				"/api/**", "/error", "/actuator/**");
	}

}
