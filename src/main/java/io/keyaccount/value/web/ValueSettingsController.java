package io.keyaccount.value.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.platform.persistence.ConcurrentEditException;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.web.Toasts;
import io.keyaccount.value.domain.Playbooks;
import io.keyaccount.value.domain.RescoreLauncher;
import io.keyaccount.value.domain.Runs;
import io.keyaccount.value.domain.Tier;
import io.keyaccount.value.domain.ValueSettings;
import io.keyaccount.value.domain.ValueSettingsStore;

/** The value model's settings, tier playbooks, fit diagnostics, and the on-demand rescore with its progress bar. */
@Controller
class ValueSettingsController {

	private final ValueSettingsStore settings;

	private final Playbooks playbooks;

	private final Runs runs;

	private final RescoreLauncher launcher;

	ValueSettingsController(ValueSettingsStore settings, Playbooks playbooks, Runs runs, RescoreLauncher launcher) {
		this.settings = settings;
		this.playbooks = playbooks;
		this.runs = runs;
		this.launcher = launcher;
	}

	@GetMapping("/value/settings")
	@PreAuthorize("hasAuthority('value.settings')")
	String page(Model model) {
		if (!model.containsAttribute("form")) {
			var current = settings.versioned();
			model.addAttribute("form", current.settings());
			model.addAttribute("version", current.version());
		}
		model.addAttribute("values", values((ValueSettings) model.getAttribute("form")));
		model.addAttribute("playbooks", playbooks.all());
		model.addAttribute("runs", runs.recent(20));
		model.addAttribute("current", runs.current().orElse(null));
		model.addAttribute("run", runs.running().orElse(null));
		return "value/settings";
	}

	/** The settings by field name, for the form. */
	private static java.util.Map<String, Object> values(ValueSettings form) {
		java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
		for (var component : ValueSettings.class.getRecordComponents()) {
			try {
				values.put(component.getName(), component.getAccessor().invoke(form));
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return values;
	}

	@PostMapping("/value/settings")
	@PreAuthorize("hasAuthority('value.settings')")
	String save(ValueSettings form, @RequestParam long version, RedirectAttributes redirect) {
		try {
			settings.save(form, version);
			Toasts.success(redirect, "value.settings.saved");
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
			redirect.addFlashAttribute("form", form);
			redirect.addFlashAttribute("version", version);
		}
		catch (ConcurrentEditException ex) {
			Toasts.failure(redirect, "value.settings.stale");
		}
		return "redirect:/value/settings";
	}

	@PostMapping("/value/settings/playbooks/{tier}")
	@PreAuthorize("hasAuthority('value.settings')")
	String savePlaybook(@PathVariable Tier tier, @RequestParam String strategy, @RequestParam String actions,
			RedirectAttributes redirect) {
		try {
			playbooks.save(tier, strategy, actions);
			Toasts.success(redirect, "value.playbook.saved", tier.name());
		}
		catch (BusinessRuleException ex) {
			Toasts.failure(redirect, ex.messageKey(), ex.arguments());
		}
		return "redirect:/value/settings#playbooks";
	}

	/** Starts an on-demand rescore and answers with its progress bar, which then polls itself. */
	@PostMapping("/value/runs")
	@PreAuthorize("hasAuthority('value.rescore')")
	String rescore(Model model) {
		try {
			long id = launcher.launch();
			model.addAttribute("run", runs.find(id).orElseThrow());
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("run", runs.running().orElse(null));
			model.addAttribute("refusal", ex.messageKey());
		}
		return "value/fragments :: progress";
	}

	@GetMapping("/value/runs/{id}")
	@PreAuthorize("hasAuthority('value.rescore')")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("run", runs.find(id).orElseThrow(() -> new NotFoundException("Run", id)));
		return "value/fragments :: progress";
	}

}
