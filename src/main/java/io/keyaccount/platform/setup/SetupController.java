package io.keyaccount.platform.setup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import io.keyaccount.platform.setup.Installation.AlreadyInstalledException;
import io.keyaccount.platform.setup.Installation.InstallCommand;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;

/** The first page of a new installation: create the company and its administrator. */
@Controller
class SetupController {

	private final Installation installation;

	private final MessageSource messages;

	SetupController(Installation installation, MessageSource messages) {
		this.installation = installation;
		this.messages = messages;
	}

	@GetMapping("/setup")
	String form(Model model) {
		if (installation.isInstalled()) {
			return "redirect:/login";
		}
		model.addAttribute("form", new SetupForm("", "admin", "", "", "", true));
		return "platform/setup";
	}

	@PostMapping("/setup")
	String install(@Valid @ModelAttribute("form") SetupForm form, BindingResult result) {
		if (installation.isInstalled()) {
			return "redirect:/login";
		}
		if (!form.password().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
		}
		if (result.hasErrors()) {
			return "platform/setup";
		}
		try {
			installation.installFirst(new InstallCommand(form.companyName(), form.username(), form.displayName(),
					form.password(), messages.getMessage("role.admin", null, LocaleContextHolder.getLocale()),
					Boolean.TRUE.equals(form.loadDemo())));
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return "platform/setup";
		}
		catch (AlreadyInstalledException ex) {
			return "redirect:/login?alreadyInstalled";
		}
		return "redirect:/login?installed";
	}

	record SetupForm(@NotBlank String companyName, @NotBlank String username, @NotBlank String displayName,
			@NotBlank String password, @NotBlank String confirmPassword, Boolean loadDemo) {
	}

}
