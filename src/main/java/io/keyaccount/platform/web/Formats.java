package io.keyaccount.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for templates ({@code ${@fmt.money(x)}}): money as ¥1,234,567.89, large sums in 万元 (¥123.46万) or
 * in millions for English readers, dates yyyy-MM-dd, times HH:mm, and relative times (3天前 / 3 days ago).
 */
@Component("fmt")
public class Formats {

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final ZoneId zone = ZoneId.systemDefault();

	Formats(MessageSource messages) {
		this.messages = messages;
	}

	public String money(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		return sign(amount) + "¥" + grouped("#,##0.00").format(amount.abs());
	}

	/** Large sums for dashboards: ¥123.46万 in Chinese, ¥1.23M in English. */
	public String wan(BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		boolean english = isEnglish();
		BigDecimal unit = english ? MILLION : TEN_THOUSAND;
		if (amount.abs().compareTo(unit) < 0) {
			return money(amount);
		}
		BigDecimal scaled = amount.abs().divide(unit, 2, RoundingMode.HALF_UP);
		return sign(amount) + "¥" + grouped("#,##0.00").format(scaled) + (english ? "M" : "万");
	}

	public String percent(Double ratio) {
		if (ratio == null) {
			return "";
		}
		return grouped("0.0").format(ratio * 100) + "%";
	}

	public String number(Number value) {
		return value == null ? "" : grouped("#,##0").format(value);
	}

	public String date(Object value) {
		TemporalAccessor temporal = toTemporal(value);
		return temporal == null ? "" : DATE.format(temporal);
	}

	public String dateTime(Object value) {
		TemporalAccessor temporal = toTemporal(value);
		return temporal == null ? "" : DATE_TIME.format(temporal);
	}

	/** 刚刚 / 5分钟前 / 3小时前 / 3天前, and the date beyond a month. */
	public String relative(Instant instant) {
		if (instant == null) {
			return "";
		}
		Duration age = Duration.between(instant, Instant.now());
		Locale locale = LocaleContextHolder.getLocale();
		if (age.isNegative() || age.toMinutes() < 1) {
			return messages.getMessage("time.justNow", null, locale);
		}
		if (age.toHours() < 1) {
			return messages.getMessage("time.minutesAgo", new Object[] { age.toMinutes() }, locale);
		}
		if (age.toDays() < 1) {
			return messages.getMessage("time.hoursAgo", new Object[] { age.toHours() }, locale);
		}
		if (age.toDays() < 31) {
			return messages.getMessage("time.daysAgo", new Object[] { age.toDays() }, locale);
		}
		return date(instant);
	}

	private TemporalAccessor toTemporal(Object value) {
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, zone);
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return (TemporalAccessor) value;
		}
		return null;
	}

	private static String sign(BigDecimal amount) {
		return amount.signum() < 0 ? "-" : "";
	}

	private static DecimalFormat grouped(String pattern) {
		return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
	}

	private static boolean isEnglish() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
