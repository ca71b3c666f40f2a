package io.keyaccount.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

import io.keyaccount.platform.setup.Installation;

/** Sends every page to the setup page until the first administrator exists. */
@Component
class SetupGuard implements HandlerInterceptor {

	private final Installation installation;

	SetupGuard(Installation installation) {
		this.installation = installation;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (installation.isInstalled()) {
			return true;
		}
		response.sendRedirect(request.getContextPath() + "/setup");
		return false;
	}

}
