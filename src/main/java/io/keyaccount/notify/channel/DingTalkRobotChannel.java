package io.keyaccount.notify.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationChannel;
import io.keyaccount.notify.OutgoingMessage;

/**
 * The company's DingTalk (钉钉) group robot: a markdown message to its webhook URL. With a signing secret (加签) the
 * URL also carries {@code timestamp} (milliseconds) and {@code sign} = URL-encoded Base64 of HmacSHA256 keyed with the
 * secret over {@code timestamp + "\n" + secret}; DingTalk refuses a timestamp more than an hour off its clock.
 */
@Component
class DingTalkRobotChannel implements NotificationChannel {

	private final RobotSettings settings;

	private final RobotWebhook webhook;

	DingTalkRobotChannel(RobotSettings settings, RobotWebhook webhook) {
		this.settings = settings;
		this.webhook = webhook;
	}

	@Override
	public Channel channel() {
		return Channel.DINGTALK;
	}

	@Override
	public boolean canReach(String email, String mobile) {
		return settings.active(Channel.DINGTALK).isPresent();
	}

	@Override
	public void send(OutgoingMessage message) {
		RobotSettings.Robot robot = settings.active(Channel.DINGTALK)
			.orElseThrow(() -> new IllegalStateException("The DingTalk robot is not set up or switched off"));
		String url = robot.secret() == null ? robot.webhook() : signed(robot.webhook(), robot.secret(), System.currentTimeMillis());
		// DingTalk shows a mention only when the text names the number too
		String text = RobotMarkdown.of(message) + (message.mobile() == null ? "" : "\n\n@" + message.mobile());
		Map<String, Object> at = message.mobile() == null ? Map.of("isAtAll", false)
				: Map.of("atMobiles", List.of(message.mobile()), "isAtAll", false);
		webhook.post(url, Map.of("msgtype", "markdown", "markdown", Map.of("title", message.subject(), "text", text),
				"at", at));
	}

	static String signed(String webhook, String secret, long timestamp) {
		return webhook + (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign="
				+ URLEncoder.encode(signature(secret, timestamp), StandardCharsets.UTF_8);
	}

	static String signature(String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
