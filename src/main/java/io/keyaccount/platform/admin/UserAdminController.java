package io.keyaccount.platform.admin;

import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.organisation.Organisation.NewUserCommand;
import io.keyaccount.platform.organisation.Organisation.UserProfileCommand;
import io.keyaccount.platform.organisation.Organisation.UserQuery;
import io.keyaccount.platform.organisation.User;
import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.FormErrors;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** Users: a filtered, sorted, paged list; create, edit, move between units, disable, unlock, reset password. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasAuthority('admin.users')")
class UserAdminController {

	private static final Set<String> SORTABLE = Set.of("username", "displayName", "createdAt", "lastLoginAt");

	private final Organisation organisation;

	private final UserAdministration administration;

	UserAdminController(Organisation organisation, UserAdministration administration) {
		this.organisation = organisation;
		this.administration = administration;
	}

	@GetMapping
	String list(@RequestParam(required = false) String keyword, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Boolean enabled, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, HtmxRequest htmx, Model model) {
		Page<User> users = organisation.users(new UserQuery(keyword, unitId, enabled),
				PageLinks.screen(page, size, sort, dir, SORTABLE, Sort.by("displayName")));
		model.addAttribute("users", users);
		model.addAttribute("unitNames", organisation.unitNames());
		model.addAttribute("units", organisation.unitTree());
		model.addAttribute("rolesById", organisation.rolesById());
		model.addAttribute("keyword", keyword);
		model.addAttribute("unitId", unitId);
		model.addAttribute("enabled", enabled);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		return htmx.isHtmxRequest() ? "platform/admin/users :: results" : "platform/admin/users";
	}

	@GetMapping("/new")
	String createForm(Model model) {
		return form(model, UserForm.empty());
	}

	@GetMapping("/{id}")
	String editForm(@PathVariable long id, Model model) {
		User user = administration.userToManage(id);
		model.addAttribute("user", user);
		return form(model, UserForm.of(user));
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (form.password() == null || !form.password().equals(form.confirmPassword())) {
			result.rejectValue("confirmPassword", "password.mismatch");
			return form(model, form);
		}
		try {
			User user = administration.create(new NewUserCommand(form.username(), form.password(), form.profile()));
			Toasts.success(redirect, "toast.saved", user.getDisplayName());
			return "redirect:/admin/users";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
			return form(model, form);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			User user = administration.update(id, form.profile(), form.version() == null ? -1 : form.version());
			Toasts.success(redirect, "toast.saved", user.getDisplayName());
			return "redirect:/admin/users";
		}
		catch (BusinessRuleException ex) {
			FormErrors.reject(result, ex);
		}
		catch (ConcurrentEditException ex) {
			FormErrors.reject(result, ex);
		}
		model.addAttribute("user", organisation.user(id));
		return form(model, form);
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
		administration.setEnabled(id, enabled);
		Toasts.success(redirect, enabled ? "toast.enabled" : "toast.disabled", organisation.user(id).getDisplayName());
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		administration.unlock(id);
		Toasts.success(redirect, "toast.unlocked", organisation.user(id).getDisplayName());
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		try {
			administration.resetPassword(id, password);
			Toasts.success(redirect, "toast.passwordReset", organisation.user(id).getDisplayName());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/admin/users/" + id;
	}

	private String form(Model model, UserForm form) {
		model.addAttribute("form", form);
		model.addAttribute("units", organisation.unitTree());
		model.addAttribute("positions", organisation.positions());
		model.addAttribute("roles", administration.grantableRoles());
		model.addAttribute("managers", organisation.activeUsers());
		return "platform/admin/user-form";
	}

	record UserForm(String username, String displayName, String email, String mobile, Long unitId, Long positionId,
			Long managerId, Set<Long> roleIds, String password, String confirmPassword, Long version) {

		static UserForm empty() {
			return new UserForm("", "", "", "", null, null, null, Set.of(), "", "", 0L);
		}

		static UserForm of(User user) {
			return new UserForm(user.getUsername(), user.getDisplayName(), user.getEmail(), user.getMobile(),
					user.getUnitId(), user.getPositionId(), user.getManagerId(), user.getRoleIds(), null, null,
					user.getVersion());
		}

		UserProfileCommand profile() {
			return new UserProfileCommand(displayName, email, mobile, unitId, positionId, managerId,
					roleIds == null ? Set.of() : roleIds);
		}

	}

}
