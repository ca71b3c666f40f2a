package io.keyaccount.notify.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationKind;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * Which outside channels each kind of notification goes through: the user's own choice where they made one, else
 * the company default, else none (the notification centre only).
 */
@Component
public class ChannelPreferences {

	private final JdbcTemplate jdbc;

	ChannelPreferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Set<Channel> effective(long userId, NotificationKind kind) {
		List<String> own = jdbc.queryForList(
				"select channels from notification_preference where tenant_id = ? and user_id = ? and kind = ?",
				String.class, TenantContext.currentTenant(), userId, kind.name());
		if (!own.isEmpty()) {
			return parse(own.get(0));
		}
		return companyDefaults().getOrDefault(kind, EnumSet.noneOf(Channel.class));
	}

	/** The user's choice per kind, with the company default filled in where they made none. */
	public Map<NotificationKind, Set<Channel>> ofUser(long userId) {
		Map<NotificationKind, Set<Channel>> result = new EnumMap<>(companyDefaults());
		for (NotificationKind kind : NotificationKind.values()) {
			result.putIfAbsent(kind, EnumSet.noneOf(Channel.class));
		}
		jdbc.query("select kind, channels from notification_preference where tenant_id = ? and user_id = ?",
				rs -> {
					String channels = rs.getString(2);
					kindOf(rs.getString(1)).ifPresent(kind -> result.put(kind, parse(channels)));
				}, TenantContext.currentTenant(), userId);
		return result;
	}

	public Map<NotificationKind, Set<Channel>> companyDefaults() {
		Map<NotificationKind, Set<Channel>> result = new EnumMap<>(NotificationKind.class);
		jdbc.query("select kind, channels from notification_default where tenant_id = ?",
				rs -> {
					String channels = rs.getString(2);
					kindOf(rs.getString(1)).ifPresent(kind -> result.put(kind, parse(channels)));
				}, TenantContext.currentTenant());
		return result;
	}

	public void saveForUser(long userId, Map<NotificationKind, Set<Channel>> choice) {
		long tenant = TenantContext.currentTenant();
		jdbc.update("delete from notification_preference where tenant_id = ? and user_id = ?", tenant, userId);
		Timestamp now = Timestamp.from(Instant.now());
		choice.forEach((kind, channels) -> jdbc.update("""
				insert into notification_preference (tenant_id, user_id, kind, channels, updated_at)
				values (?, ?, ?, ?, ?)""", tenant, userId, kind.name(), format(channels), now));
	}

	public void saveCompanyDefaults(Map<NotificationKind, Set<Channel>> defaults, String by) {
		long tenant = TenantContext.currentTenant();
		jdbc.update("delete from notification_default where tenant_id = ?", tenant);
		Timestamp now = Timestamp.from(Instant.now());
		defaults.forEach((kind, channels) -> jdbc.update("""
				insert into notification_default (tenant_id, kind, channels, updated_at, updated_by)
				values (?, ?, ?, ?, ?)""", tenant, kind.name(), format(channels), now, by));
	}

	private static java.util.Optional<NotificationKind> kindOf(String name) {
		// a kind a newer version wrote and this one does not know is skipped, not an error
		return Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(name)).findFirst();
	}

	private static Set<Channel> parse(String channels) {
		Set<Channel> result = EnumSet.noneOf(Channel.class);
		for (String name : channels.split(",")) {
			Arrays.stream(Channel.values()).filter(c -> c.name().equals(name.trim())).forEach(result::add);
		}
		return result;
	}

	private static String format(Set<Channel> channels) {
		return channels.stream().sorted().map(Channel::name).collect(Collectors.joining(","));
	}

}
