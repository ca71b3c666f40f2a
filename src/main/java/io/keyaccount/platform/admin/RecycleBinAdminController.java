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

import io.keyaccount.platform.recyclebin.RecycleBin;
import io.keyaccount.platform.web.Toasts;

/** The recycle bin: deleted records by type; restore, or purge after confirmation. */
@Controller
@RequestMapping("/admin/recycle-bin")
@PreAuthorize("hasAuthority('admin.recycleBin')")
class RecycleBinAdminController {

	private final RecycleBin recycleBin;

	RecycleBinAdminController(RecycleBin recycleBin) {
		this.recycleBin = recycleBin;
	}

	@GetMapping
	String list(@RequestParam(required = false) String type, Model model) {
		model.addAttribute("types", recycleBin.types());
		model.addAttribute("type", type);
		model.addAttribute("records", recycleBin.contents(type));
		return "platform/admin/recycle-bin";
	}

	@PostMapping("/{type}/{id}/restore")
	String restore(@PathVariable String type, @PathVariable long id, RedirectAttributes redirect) {
		Toasts.success(redirect, "toast.restored", recycleBin.restore(type, id));
		return "redirect:/admin/recycle-bin";
	}

	@PostMapping("/{type}/{id}/purge")
	String purge(@PathVariable String type, @PathVariable long id, RedirectAttributes redirect) {
		Toasts.success(redirect, "toast.purged", recycleBin.purge(type, id));
		return "redirect:/admin/recycle-bin";
	}

}
