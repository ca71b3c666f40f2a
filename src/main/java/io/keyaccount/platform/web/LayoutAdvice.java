package io.keyaccount.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;

/** What the layout needs on every page: the signed-in user, the sidebar, the current path. */
@ControllerAdvice
class LayoutAdvice {

	private final Navigation navigation;

	LayoutAdvice(Navigation navigation) {
		this.navigation = navigation;
	}

	@ModelAttribute("me")
	KeyaccountUser me() {
		return CurrentUser.signedIn().orElse(null);
	}

	@ModelAttribute("navigation")
	Map<String, List<NavigationItem>> navigation() {
		return CurrentUser.signedIn().map(navigation::visibleTo).orElse(Map.of());
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
