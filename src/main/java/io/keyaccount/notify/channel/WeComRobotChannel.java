package io.keyaccount.notify.channel;

import java.util.Map;

import org.springframework.stereotype.Component;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationChannel;
import io.keyaccount.notify.OutgoingMessage;

/** The company's WeCom (企业微信) group robot: a markdown message to its webhook URL, which carries the robot's key. */
@Component
class WeComRobotChannel implements NotificationChannel {

	private final RobotSettings settings;

	private final RobotWebhook webhook;

	WeComRobotChannel(RobotSettings settings, RobotWebhook webhook) {
		this.settings = settings;
		this.webhook = webhook;
	}

	@Override
	public Channel channel() {
		return Channel.WECOM;
	}

	@Override
	public boolean canReach(String email, String mobile) {
		return settings.active(Channel.WECOM).isPresent();
	}

	@Override
	public void send(OutgoingMessage message) {
		RobotSettings.Robot robot = settings.active(Channel.WECOM)
			.orElseThrow(() -> new IllegalStateException("The WeCom robot is not set up or switched off"));
		webhook.post(robot.webhook(), Map.of("msgtype", "markdown", "markdown",
				Map.of("content", RobotMarkdown.of(message))));
	}

}
