package io.keyaccount.notify.channel;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.keyaccount.notify.Channel;
import io.keyaccount.notify.NotificationChannel;
import io.keyaccount.notify.OutgoingMessage;

/**
 * E-mail through the SMTP server of {@code spring.mail.*}; without {@code spring.mail.host} there is no mail sender
 * and the channel reaches nobody.
 */
@Component
class EmailChannel implements NotificationChannel {

	private final ObjectProvider<JavaMailSender> mail;

	private final NotifyProperties properties;

	EmailChannel(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
		this.mail = mail;
		this.properties = properties;
	}

	@Override
	public Channel channel() {
		return Channel.EMAIL;
	}

	@Override
	public boolean canReach(String email, String mobile) {
		return email != null && !email.isBlank() && mail.getIfAvailable() != null;
	}

	@Override
	public void send(OutgoingMessage message) throws Exception {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || message.email() == null) {
			throw new IllegalStateException("No SMTP server configured, or the recipient has no e-mail address");
		}
		MimeMessage mime = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		helper.setFrom(properties.mailFrom());
		helper.setTo(message.email());
		helper.setSubject(message.subject());
		helper.setText(message.markdown() + "\n\n" + message.link());
		sender.send(mime);
	}

}
