package io.keyaccount.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.security.ApiTokens;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.security.KeyaccountUser;
import io.keyaccount.platform.security.SignedInSessions;
import io.keyaccount.platform.validation.BusinessRuleException;

/** My profile: change my password, manage my personal API tokens. */
@Controller
@RequestMapping("/profile")
class ProfileController {

	private final Organisation organisation;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	private final SignedInSessions sessions;

	ProfileController(Organisation organisation, ApiTokens tokens, CurrentUser currentUser,
			SignedInSessions sessions) {
		this.organisation = organisation;
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.sessions = sessions;
	}

	@GetMapping
	String profile(Model model) {
		KeyaccountUser me = currentUser.require();
		model.addAttribute("user", organisation.user(me.userId()));
		model.addAttribute("tokens", tokens.of(me.userId()));
		return "platform/profile";
	}

	@PostMapping("/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!newPassword.equals(confirmPassword)) {
			Toasts.failure(redirect, "password.mismatch");
			return "redirect:/profile";
		}
		try {
			organisation.changeOwnPassword(currentUser.require().userId(), currentPassword, newPassword);
			// The user's other sessions and his API tokens end with the old password; this one goes on.
			sessions.keepCurrentSession(request, response);
			Toasts.success(redirect, "toast.passwordChanged");
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/profile";
	}

	@PostMapping("/tokens")
	String issueToken(@RequestParam String name, @RequestParam(required = false) Integer validDays,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("newToken", tokens.issue(currentUser.require().userId(), name, validDays).token());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/profile";
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(currentUser.require().userId(), id);
		Toasts.success(redirect, "toast.tokenRevoked");
		return "redirect:/profile";
	}

}
