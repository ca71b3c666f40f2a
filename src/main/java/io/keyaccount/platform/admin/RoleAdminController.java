package io.keyaccount.platform.admin;

import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.organisation.DataScope;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.RoleCommand;
import io.keyaccount.platform.organisation.Role;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.security.PermissionCatalog;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.Toasts;

/** Roles: name, data scope and permissions. */
@Controller
@RequestMapping("/admin/roles")
@PreAuthorize("hasAuthority('admin.roles')")
class RoleAdminController {

	private final Organisation organisation;

	private final PermissionCatalog catalog;

	RoleAdminController(Organisation organisation, PermissionCatalog catalog) {
		this.organisation = organisation;
		this.catalog = catalog;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("roles", organisation.roles());
		return "platform/admin/roles";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		return form(model, new RoleForm("", "", DataScope.OWN, Set.of(), 0L));
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		Role role = organisation.role(id);
		model.addAttribute("roleId", id);
		return form(model, new RoleForm(role.getCode(), role.getName(), role.getDataScope(), role.getPermissions(),
				role.getVersion()));
	}

	@PostMapping
	String create(@ModelAttribute("form") RoleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			Role role = organisation.createRole(form.code(), form.toCommand());
			Toasts.success(redirect, "toast.saved", role.getName());
			return "redirect:/admin/roles";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return form(model, form);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") RoleForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("roleId", id);
		try {
			Role role = organisation.updateRole(id, form.toCommand(), form.version() == null ? -1 : form.version());
			Toasts.success(redirect, "toast.saved", role.getName());
			return "redirect:/admin/roles";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		return form(model, form);
	}

	private String form(Model model, RoleForm form) {
		model.addAttribute("form", form);
		model.addAttribute("scopes", DataScope.values());
		model.addAttribute("groups", catalog.groups());
		return "platform/admin/role-form";
	}

	record RoleForm(String code, String name, DataScope dataScope, Set<String> permissions, Long version) {

		RoleCommand toCommand() {
			return new RoleCommand(name, dataScope == null ? DataScope.OWN : dataScope,
					permissions == null ? Set.of() : permissions);
		}

	}

}
