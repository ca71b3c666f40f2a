package io.keyaccount.notify.web;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
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
import io.keyaccount.notify.NotificationInbox.Filter;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.NotificationView;
import io.keyaccount.notify.Notifications;
import io.keyaccount.notify.channel.NotifyProperties;
import io.keyaccount.platform.persistence.NotFoundException;
import io.keyaccount.platform.web.PageLinks;
import io.keyaccount.platform.web.Toasts;

/** The notification centre: the list with its filters, the bell's count, reading, and one's own channel choice. */
@Controller
@RequestMapping("/notifications")
@PreAuthorize("isAuthenticated()")
class NotificationController {

	private final NotificationInbox inbox;

	private final Notifications notifications;

	private final NotifyProperties properties;

	NotificationController(NotificationInbox inbox, Notifications notifications, NotifyProperties properties) {
		this.inbox = inbox;
		this.notifications = notifications;
		this.properties = properties;
	}

	@GetMapping
	String list(@RequestParam(required = false) String unread, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Model model) {
		NotificationKind chosenKind = ChannelChoice.parseEnum(NotificationKind.class, kind);
		LocalDate fromDate = ChannelChoice.parseDate(from);
		LocalDate toDate = ChannelChoice.parseDate(to);
		Filter filter = new Filter("true".equals(unread), chosenKind, fromDate, toDate);
		Page<NotificationView> notificationPage = PageLinks.clamped(
				PageLinks.screen(page, size, null, null, Set.of(), Sort.unsorted()),
				p -> inbox.page(filter, p, properties.zone()));
		model.addAttribute("page", notificationPage);
		model.addAttribute("filter", filter);
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("unreadCount", inbox.unreadCount());
		return "notify/notifications";
	}

	/** The bell's badge; the layout asks for it on load and every 30 seconds (htmx, no script of its own). */
	@GetMapping("/bell")
	String bell(Model model) {
		model.addAttribute("unreadCount", inbox.unreadCount());
		return "notify/bell :: bell";
	}

	/** Opening a notification marks it read and goes to its record (back to the list when it may not be seen). */
	@PostMapping("/{id}/open")
	String open(@PathVariable long id) {
		notifications.markRead(id);
		return "redirect:" + inbox.linkOf(id).orElse("/notifications");
	}

	@PostMapping("/{id}/read")
	String markRead(@PathVariable long id) {
		notifications.markRead(id);
		return "redirect:/notifications";
	}

	@PostMapping("/read-all")
	String markAllRead(RedirectAttributes redirect) {
		Toasts.success(redirect, "notification.allMarkedRead", notifications.markAllRead());
		return "redirect:/notifications";
	}

	@GetMapping("/preferences")
	String preferences(Model model) {
		model.addAttribute("choice", inbox.myChannels());
		model.addAttribute("kinds", NotificationKind.values());
		model.addAttribute("channels", Channel.values());
		return "notify/preferences";
	}

	@PostMapping("/preferences")
	String savePreferences(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
		notifications.choose(ChannelChoice.from(form));
		Toasts.success(redirect, "notification.preferencesSaved");
		return "redirect:/notifications/preferences";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	String notFound(RedirectAttributes redirect) {
		Toasts.failure(redirect, "notification.notFound");
		return "redirect:/notifications";
	}

}
