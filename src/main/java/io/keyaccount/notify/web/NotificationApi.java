package io.keyaccount.notify.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationInbox;
import io.keyaccount.notify.NotificationInbox.Filter;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.notify.NotificationView;
import io.keyaccount.notify.Notifications;
import io.keyaccount.notify.channel.NotifyProperties;
import io.keyaccount.platform.api.PageResponse;
import io.keyaccount.platform.web.PageLinks;

/** The signed-in user's notifications and channel choices over JSON; as on the pages, only one's own. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class NotificationApi {

	private final NotificationInbox inbox;

	private final Notifications notifications;

	private final NotifyProperties properties;

	NotificationApi(NotificationInbox inbox, Notifications notifications, NotifyProperties properties) {
		this.inbox = inbox;
		this.notifications = notifications;
		this.properties = properties;
	}

	record UnreadCount(long unread) {
	}

	record MarkedRead(int marked) {
	}

	record ChannelPreference(NotificationKind kind, Set<Channel> channels) {
	}

	@GetMapping("/notifications")
	PageResponse<NotificationView> list(@RequestParam(required = false) Boolean unread,
			@RequestParam(required = false) NotificationKind kind,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Filter filter = new Filter(Boolean.TRUE.equals(unread), kind, from, to);
		return PageResponse.of(inbox.page(filter, PageLinks.pageable(page, size, null, null, Set.of(), Sort.unsorted()),
				properties.zone()), view -> view);
	}

	@GetMapping("/notifications/unread-count")
	UnreadCount unreadCount() {
		return new UnreadCount(inbox.unreadCount());
	}

	@PostMapping("/notifications/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void markRead(@PathVariable long id) {
		notifications.markRead(id);
	}

	@PostMapping("/notifications/read-all")
	MarkedRead markAllRead() {
		return new MarkedRead(notifications.markAllRead());
	}

	@GetMapping("/notification-preferences")
	List<ChannelPreference> preferences() {
		return inbox.myChannels().entrySet().stream().map(e -> new ChannelPreference(e.getKey(), e.getValue())).toList();
	}

	/** Replaces the user's choice; a kind left out follows the company default again. */
	@PutMapping("/notification-preferences")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void choose(@RequestBody List<ChannelPreference> choice) {
		Map<NotificationKind, Set<Channel>> byKind = new java.util.EnumMap<>(NotificationKind.class);
		for (ChannelPreference preference : choice) {
			if (preference.kind() != null) {
				byKind.put(preference.kind(), preference.channels() == null ? Set.of() : preference.channels());
			}
		}
		notifications.choose(byKind);
	}

}
