package io.keyaccount.notify.channel;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyaccount.notify.*}: the address links in e-mails and robot messages point to, the sender of e-mails, the
 * key for channel secrets, and the sender's pace and retry policy, the company's time zone for date filters.
 */
@ConfigurationProperties("keyaccount.notify")
public record NotifyProperties(@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("keyaccount@localhost") String mailFrom, String secretKey,
		@DefaultValue("./data/notify.key") Path keyFile, @DefaultValue("100") int batchSize,
		@DefaultValue("6") int maxAttempts, @DefaultValue("PT1M") Duration firstRetryAfter,
		@DefaultValue("PT6H") Duration longestRetryWait, @DefaultValue("PT10S") Duration webhookTimeout,
		@DefaultValue("Asia/Shanghai") java.time.ZoneId zone) {
}
