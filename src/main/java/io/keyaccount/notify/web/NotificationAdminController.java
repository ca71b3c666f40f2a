package io.keyaccount.notify.web;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationInbox;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.Notifications;
import io.keyaccount.notify.NotifyPermissions;
import io.keyaccount.notify.channel.RobotSettings;
import io.keyaccount.platform.organisation.Organisation;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** Administrators set up the group robots and the company's default channels, and retry failed deliveries. */
@Controller
@RequestMapping("/admin/notifications")
@PreAuthorize("hasAuthority('" + NotifyPermissions.ADMIN + "')")
class NotificationAdminController {

	private static final List<Channel> ROBOTS = List.of(Channel.WECOM, Channel.DINGTALK);

	private static final int LONGEST_SETTING = 1000;

	private final NotificationInbox inbox;

	private final Notifications notifications;

	private final RobotSettings robots;

	private final Organisation organisation;

	private final CurrentUser currentUser;

	NotificationAdminController(NotificationInbox inbox, Notifications notifications, RobotSettings robots,
			Organisation organisation, CurrentUser currentUser) {
		this.inbox = inbox;
		this.notifications = notifications;
		this.robots = robots;
		this.organisation = organisation;
		this.currentUser = currentUser;
	}

	@GetMapping("/channels")
	String channels(Model model) {
		model.addAttribute("robots", ROBOTS.stream().map(robots::masked).toList());
		model.addAttribute("defaults", inbox.companyDefaults());
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("channels", Channel.values());
		return "notify/admin-channels";
	}

	@PostMapping("/channels/{channel}")
	String saveRobot(@PathVariable String channel, @RequestParam(required = false) String enabled,
			@RequestParam(required = false) String webhook, @RequestParam(required = false) String secret,
			RedirectAttributes redirect) {
		Channel robot = ChannelChoice.parseEnum(Channel.class, channel);
		if (robot == null || !ROBOTS.contains(robot)) {
			throw new NotFoundException("Channel", 0);
		}
		if ((webhook != null && webhook.length() > LONGEST_SETTING) || (secret != null && secret.length() > LONGEST_SETTING)
				|| (webhook != null && !webhook.isBlank() && !webhook.trim().matches("(?i)https?://\\S+"))) {
			Toasts.failure(redirect, "notification.robotInvalid");
			return "redirect:/admin/notifications/channels";
		}
		robots.save(robot, "true".equals(enabled), webhook, secret, currentUser.require().getUsername());
		Toasts.success(redirect, "notification.robotSaved");
		return "redirect:/admin/notifications/channels";
	}

	@PostMapping("/defaults")
	String saveDefaults(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		notifications.chooseCompanyDefaults(ChannelChoice.from(form));
		Toasts.success(redirect, "notification.defaultsSaved");
		return "redirect:/admin/notifications/channels";
	}

	@GetMapping("/deliveries")
	String failedDeliveries(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			Model model) {
		model.addAttribute("page", PageLinks.clamped(
				PageLinks.screen(page, size, null, null, java.util.Set.of(), org.springframework.data.domain.Sort.unsorted()),
				p -> inbox.failedDeliveries(PageRequest.of(p.getPageNumber(), p.getPageSize()), organisation.userNames())));
		return "notify/admin-deliveries";
	}

	@PostMapping("/deliveries/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			notifications.retry(id);
			Toasts.success(redirect, "notification.retryQueued");
		}
		catch (NotFoundException | IllegalStateException ex) {
			Toasts.failure(redirect, "notification.notFound");
		}
		return "redirect:/admin/notifications/deliveries";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	String notFound(RedirectAttributes redirect) {
		Toasts.failure(redirect, "notification.notFound");
		return "redirect:/admin/notifications/channels";
	}

}
