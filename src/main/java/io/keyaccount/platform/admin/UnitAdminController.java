package io.keyaccount.platform.admin;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.organisation.OrgUnit;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.UnitCommand;
import io.keyaccount.platform.organisation.UnitType;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.Toasts;

/** Organisation units: the tree, create, edit and move (change the parent), disable and enable. */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasAuthority('admin.units')")
class UnitAdminController {

	private final Organisation organisation;

	UnitAdminController(Organisation organisation) {
		this.organisation = organisation;
	}

	@GetMapping
	String tree(Model model) {
		model.addAttribute("units", organisation.unitTree());
		return "platform/admin/units";
	}

	@GetMapping("/new")
	String createForm(@RequestParam(required = false) Long parentId, Model model) {
		return form(model, new UnitForm(null, parentId, UnitType.DEPARTMENT, 0, 0L));
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		OrgUnit unit = organisation.unit(id);
		model.addAttribute("unitId", id);
		return form(model, new UnitForm(unit.getName(), unit.getParentId(), unit.getType(), unit.getSortOrder(),
				unit.getVersion()));
	}

	@PostMapping
	String create(@ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			OrgUnit unit = organisation.createUnit(form.toCommand());
			Toasts.success(redirect, "toast.saved", unit.getName());
			return "redirect:/admin/units";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return form(model, form);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("unitId", id);
		try {
			OrgUnit unit = organisation.updateUnit(id, form.toCommand());
			Toasts.success(redirect, "toast.saved", unit.getName());
			return "redirect:/admin/units";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form);
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		String name = organisation.unit(id).getName();
		try {
			organisation.setUnitEnabled(id, enabled);
			Toasts.success(redirect, enabled ? "toast.enabled" : "toast.disabled", name);
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/admin/units";
	}

	private String form(Model model, UnitForm form) {
		model.addAttribute("form", form);
		model.addAttribute("units", organisation.unitTree());
		model.addAttribute("types", UnitType.values());
		return "platform/admin/unit-form";
	}

	record UnitForm(String name, Long parentId, UnitType type, Integer sortOrder, Long version) {

		UnitCommand toCommand() {
			if (name == null || name.isBlank()) {
				throw new BusinessRuleException("name", "validation.required");
			}
			if (type == null) {
				throw new BusinessRuleException("type", "validation.required");
			}
			return new UnitCommand(name, type, parentId, sortOrder == null ? 0 : sortOrder,
					version == null ? 0 : version);
		}

	}

}
