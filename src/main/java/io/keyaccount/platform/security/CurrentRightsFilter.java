package io.keyaccount.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each request on its user's current rights ({@link SignedInSessions}). A user who may no longer act is
 * refused: his web session ends and the browser is sent to the sign-in page, which says why (an htmx request is
 * told to go there); an API call is treated as anonymous and answered 401.
 */
class CurrentRightsFilter extends OncePerRequestFilter {

	private final SignedInSessions sessions;

	private final boolean stateless;

	CurrentRightsFilter(SignedInSessions sessions, boolean stateless) {
		this.sessions = sessions;
		this.stateless = stateless;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (sessions.refresh(request, response, !stateless)) {
			chain.doFilter(request, response);
			return;
		}
		SecurityContextHolder.clearContext();
		if (stateless) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		String login = request.getContextPath() + "/login?sessionEnded";
		if (request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Redirect", login);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		response.sendRedirect(login);
	}

}
