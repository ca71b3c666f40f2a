package io.keyaccount.platform.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A one-line success or failure message shown after a redirect (message keys, arguments allowed). */
public final class Toasts {

	private Toasts() {
	}

	public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("toastKey", messageKey);
		redirect.addFlashAttribute("toastArgs", args);
		redirect.addFlashAttribute("toastKind", "success");
	}

	public static void failure(RedirectAttributes redirect, String messageKey, Object... args) {
		redirect.addFlashAttribute("toastKey", messageKey);
		redirect.addFlashAttribute("toastArgs", args);
		redirect.addFlashAttribute("toastKind", "danger");
	}

}
