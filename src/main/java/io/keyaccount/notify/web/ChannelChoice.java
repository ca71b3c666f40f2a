package io.keyaccount.notify.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationKind;

/**
 * The channel grid of the preferences and defaults forms: one checkbox {@code channels_<KIND>} per channel; unknown
 * names are ignored, so a tampered form cannot store anything but known kinds and channels.
 */
final class ChannelChoice {

	private ChannelChoice() {
	}

	static Map<NotificationKind, Set<Channel>> from(MultiValueMap<String, String> form) {
		Map<NotificationKind, Set<Channel>> choice = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			choice.put(kind, parse(form.getOrDefault("channels_" + kind.name(), List.of())));
		}
		return choice;
	}

	static Set<Channel> parse(List<String> names) {
		Set<Channel> channels = EnumSet.noneOf(Channel.class);
		for (String name : names) {
			Arrays.stream(Channel.values()).filter(c -> c.name().equals(name)).forEach(channels::add);
		}
		return channels;
	}

	static <E extends Enum<E>> E parseEnum(Class<E> type, String name) {
		return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
	}

	static java.time.LocalDate parseDate(String text) {
		try {
			return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text.trim());
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

}
