package io.keyaccount.notify.channel;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.keyaccount.notify.Channel;
import io.keyaccount.platform.tenancy.TenantContext;

/**
 * A company's group robots (WeCom, DingTalk): whether each is on, its webhook URL and signing secret, kept
 * encrypted by {@link SecretBox}. Pages get {@link MaskedRobot}, never the secrets themselves.
 */
@Component
public class RobotSettings {

	private final JdbcTemplate jdbc;

	private final SecretBox secrets;

	RobotSettings(JdbcTemplate jdbc, SecretBox secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
	}

	public record Robot(boolean enabled, String webhook, String secret) {
	}

	public record MaskedRobot(Channel channel, boolean enabled, String webhook, String secret) {
	}

	/** The robot of the current tenant, decrypted, if one is set up and switched on. */
	public Optional<Robot> active(Channel channel) {
		return load(channel).filter(r -> r.enabled() && r.webhook() != null);
	}

	public MaskedRobot masked(Channel channel) {
		Robot robot = load(channel).orElse(new Robot(false, null, null));
		return new MaskedRobot(channel, robot.enabled(), SecretBox.masked(robot.webhook()),
				SecretBox.masked(robot.secret()));
	}

	/** Saves the robot; a blank webhook or secret keeps the one stored, since the page never shows it back. */
	public void save(Channel channel, boolean enabled, String webhook, String secret, String by) {
		Robot current = load(channel).orElse(new Robot(false, null, null));
		String newWebhook = blank(webhook) ? current.webhook() : webhook.trim();
		String newSecret = blank(secret) ? current.secret() : secret.trim();
		long tenant = TenantContext.currentTenant();
		Timestamp now = Timestamp.from(Instant.now());
		String webhookEnc = newWebhook == null ? null : secrets.encrypt(newWebhook);
		String secretEnc = newSecret == null ? null : secrets.encrypt(newSecret);
		int updated = jdbc.update("""
				update notification_channel_setting set enabled = ?, webhook_enc = ?, secret_enc = ?, updated_at = ?,
				updated_by = ? where tenant_id = ? and channel = ?""", enabled, webhookEnc, secretEnc, now, by, tenant,
				channel.name());
		if (updated == 0) {
			jdbc.update("""
					insert into notification_channel_setting (tenant_id, channel, enabled, webhook_enc, secret_enc,
					updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?)""", tenant, channel.name(), enabled,
					webhookEnc, secretEnc, now, by);
		}
	}

	private Optional<Robot> load(Channel channel) {
		List<Robot> rows = jdbc.query(
				"select enabled, webhook_enc, secret_enc from notification_channel_setting where tenant_id = ? and channel = ?",
				(rs, i) -> new Robot(rs.getBoolean(1), open(rs.getString(2)), open(rs.getString(3))),
				TenantContext.currentTenant(), channel.name());
		return rows.stream().findFirst();
	}

	private String open(String stored) {
		return stored == null ? null : secrets.decrypt(stored);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
