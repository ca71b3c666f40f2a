package io.keyaccount.value.domain;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of one PostgreSQL {@code COPY ... FROM STDIN WITH (FORMAT BINARY)}: the header, rows of length-prefixed
 * fields in network byte order, the trailer. One growing heap buffer, reused from one COPY to the next: a stream per
 * field (a {@code DataOutputStream} on a {@code ByteArrayOutputStream}) spent more time checking capacity and locking
 * than encoding, and a new buffer of megabytes per COPY kept the garbage collector busy.
 */
final class BinaryCopyRows {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };

	/** PostgreSQL dates count days from 2000-01-01. */
	private static final int POSTGRES_EPOCH_DAY = 10_957;

	/** The widest field but text: a numeric of five base-10000 digits and its header and length. */
	private static final int WIDEST_FIELD = 4 + 8 + 2 * 6;

	/** Texts are codes and names of a few values each: their UTF-8 is kept, up to this many. */
	private static final int CACHED_TEXTS = 1024;

	private final Map<String, byte[]> utf8 = new HashMap<>();

	private ByteBuffer buffer;

	BinaryCopyRows(int expectedBytes) {
		buffer = ByteBuffer.allocate(Math.max(expectedBytes, 64));
		clear();
	}

	/** Starts a new COPY in the same buffer: only the header. */
	BinaryCopyRows clear() {
		buffer.clear();
		buffer.put(SIGNATURE).putInt(0).putInt(0);
		return this;
	}

	/** Starts a row of {@code columns} fields. */
	BinaryCopyRows row(int columns) {
		room(2 + columns * WIDEST_FIELD);
		buffer.putShort((short) columns);
		return this;
	}

	BinaryCopyRows int8(long value) {
		buffer.putInt(8).putLong(value);
		return this;
	}

	BinaryCopyRows int4(int value) {
		buffer.putInt(4).putInt(value);
		return this;
	}

	/** Null when {@code date} is. */
	BinaryCopyRows date(LocalDate date) {
		if (date == null) {
			buffer.putInt(-1);
		}
		else {
			buffer.putInt(4).putInt(Math.toIntExact(date.toEpochDay() - POSTGRES_EPOCH_DAY));
		}
		return this;
	}

	/** NaN is NULL. */
	BinaryCopyRows float8(double value) {
		if (Double.isNaN(value)) {
			buffer.putInt(-1);
		}
		else {
			buffer.putInt(8).putDouble(value);
		}
		return this;
	}

	BinaryCopyRows text(String value) {
		if (value == null) {
			buffer.putInt(-1);
			return this;
		}
		byte[] bytes = utf8.get(value);
		if (bytes == null) {
			bytes = value.getBytes(StandardCharsets.UTF_8);
			if (utf8.size() < CACHED_TEXTS) {
				utf8.put(value, bytes);
			}
		}
		room(4 + bytes.length);
		buffer.putInt(bytes.length).put(bytes);
		return this;
	}

	/**
	 * An amount in cents as PostgreSQL's binary numeric: the count of base-10000 digits, the weight of the first,
	 * the sign, the scale (2), then the digits, most significant first; the cents are the last digit, times 100.
	 */
	BinaryCopyRows numeric(long cents) {
		long magnitude = Math.abs(cents);
		long whole = magnitude / 100;
		int fraction = (int) (magnitude % 100) * 100;
		// the place value of the first digit, and how many digits the whole part has
		int wholeDigits = whole == 0 ? 0 : 1;
		long unit = 1;
		while (whole / unit >= 10_000) {
			unit *= 10_000;
			wholeDigits++;
		}
		int count = wholeDigits + (fraction != 0 ? 1 : 0);
		buffer.putInt(8 + 2 * count)
			.putShort((short) count)
			.putShort((short) (wholeDigits == 0 ? (count == 0 ? 0 : -1) : wholeDigits - 1))
			.putShort((short) (cents < 0 ? 0x4000 : 0))
			.putShort((short) 2);
		for (long rest = whole; wholeDigits > 0 && unit > 0; unit /= 10_000) {
			buffer.putShort((short) (rest / unit));
			rest %= unit;
		}
		if (fraction != 0) {
			buffer.putShort((short) fraction);
		}
		return this;
	}

	/** Adds the trailer; the stream reads the buffer itself, which stays valid until {@link #clear()}. */
	InputStream finish() {
		room(2);
		buffer.putShort((short) -1);
		return new ByteArrayInputStream(buffer.array(), 0, buffer.position());
	}

	private void room(int bytes) {
		if (buffer.remaining() < bytes) {
			ByteBuffer larger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes));
			buffer.flip();
			buffer = larger.put(buffer);
		}
	}

}
