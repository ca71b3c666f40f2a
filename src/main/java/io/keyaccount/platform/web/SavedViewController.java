package io.keyaccount.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.validation.BusinessRuleException;

/** Saves and forgets list views; always returns to the list it came from. */
@Controller
class SavedViewController {

	private final SavedViews views;

	SavedViewController(SavedViews views) {
		this.views = views;
	}

	@PostMapping("/saved-views")
	String save(@RequestParam String screen, @RequestParam String path, @RequestParam(required = false) String name,
			@RequestParam(required = false) String query, RedirectAttributes redirect) {
		try {
			views.save(screen, name, query);
			Toasts.success(redirect, "savedView.saved", name);
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:" + safe(path) + (query == null || query.isBlank() ? "" : "?" + query);
	}

	@PostMapping("/saved-views/{id}/delete")
	String delete(@PathVariable long id, @RequestParam String path) {
		views.delete(id);
		return "redirect:" + safe(path);
	}

	/** Only paths of this application, never another site. */
	private static String safe(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") ? path : "/";
	}

}
