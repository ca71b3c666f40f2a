package io.keyaccount.platform.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.Toasts;

/** Job titles: add, rename inline, delete to the recycle bin. */
@Controller
@RequestMapping("/admin/positions")
@PreAuthorize("hasAuthority('admin.users')")
class PositionAdminController {

	private final Organisation organisation;

	PositionAdminController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("positions", organisation.positions());
		return "platform/admin/positions";
	}

	@PostMapping
	String create(@RequestParam String name, RedirectAttributes redirect) {
		try {
			Toasts.success(redirect, "toast.saved", organisation.createPosition(name).getName());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/admin/positions";
	}

	@PostMapping("/{id}")
	String rename(@PathVariable long id, @RequestParam String name, @RequestParam long version,
			RedirectAttributes redirect) {
		try {
			organisation.renamePosition(id, name, version);
			Toasts.success(redirect, "toast.saved", name);
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		catch (ConcurrentEditException ex) {
			Toasts.failure(redirect, "error.concurrentEdit");
		}
		return "redirect:/admin/positions";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		organisation.deletePosition(id);
		Toasts.success(redirect, "toast.movedToRecycleBin");
		return "redirect:/admin/positions";
	}

}
