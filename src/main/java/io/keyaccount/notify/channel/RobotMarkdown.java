package io.keyaccount.notify.channel;

import io.keyaccount.notify.OutgoingMessage;

/** The markdown both robots show: the subject in bold, the body, and a link to open the record. */
final class RobotMarkdown {

	private RobotMarkdown() {
	}

	static String of(OutgoingMessage message) {
		return "**" + message.subject() + "**\n\n" + message.markdown() + "\n\n[" + message.link() + "]("
				+ message.link() + ")";
	}

}
