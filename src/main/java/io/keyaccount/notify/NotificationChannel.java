package io.keyaccount.notify;

/**
 * An outside channel a delivery goes through, contributed as a bean. {@link #send} runs outside any request, in the
 * tenant of the notification; it throws when the message did not go out, and the sender retries with backoff.
 */
public interface NotificationChannel {

	Channel channel();

	/** Whether this channel can reach the recipient now (configured, and the recipient has an address for it). */
	boolean canReach(String email, String mobile);

	void send(OutgoingMessage message) throws Exception;

}
