package io.keyaccount.value.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The snapshot rows' bytes as PostgreSQL's binary COPY reads them (the PostgreSQL rescore IT reads them back). */
class BinaryCopyRowsTests {

	private static final int HEADER = 11 + 4 + 4;

	@Test
	void amountsAreBase10000DigitsWithTheirWeightSignAndTwoDecimals() throws Exception {
		assertThat(numeric(123_456_789)).containsExactly(3, 1, 0, 2, 123, 4567, 8900);
		assertThat(numeric(-5)).containsExactly(1, -1, 0x4000, 2, 500);
		assertThat(numeric(0)).containsExactly(0, 0, 0, 2);
		assertThat(numeric(100_000_000)).containsExactly(2, 1, 0, 2, 100, 0);
		assertThat(numeric(-900_000_000_000_000_001L)).containsExactly(5, 3, 0x4000, 2, 9000, 0, 0, 0, 100);
	}

	@Test
	void nullsAreLengthMinusOneAndTheTrailerEndsTheStream() throws Exception {
		byte[] bytes = new BinaryCopyRows(16).row(3).date(null).float8(Double.NaN).text(null).finish().readAllBytes();
		ByteBuffer read = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER);
		assertThat(read.getShort()).isEqualTo((short) 3);
		assertThat(read.getInt()).isEqualTo(-1);
		assertThat(read.getInt()).isEqualTo(-1);
		assertThat(read.getInt()).isEqualTo(-1);
		assertThat(read.getShort()).isEqualTo((short) -1);
		assertThat(read.remaining()).isZero();
	}

	@Test
	void theBufferGrowsPastItsFirstGuessAndStartsAgainWhenCleared() throws Exception {
		var rows = new BinaryCopyRows(1);
		for (int i = 0; i < 1000; i++) {
			rows.row(2).date(LocalDate.of(2000, 1, 2)).text("华东区域客户" + i);
		}
		rows.finish();
		rows.clear();
		for (int i = 0; i < 1000; i++) {
			rows.row(2).date(LocalDate.of(2000, 1, 2)).text("华东区域客户" + i);
		}
		byte[] bytes = rows.finish().readAllBytes();
		ByteBuffer read = ByteBuffer.wrap(bytes, HEADER, bytes.length - HEADER);
		for (int i = 0; i < 1000; i++) {
			assertThat(read.getShort()).isEqualTo((short) 2);
			assertThat(read.getInt()).isEqualTo(4);
			assertThat(read.getInt()).as("days since 2000-01-01").isEqualTo(1);
			byte[] text = new byte[read.getInt()];
			read.get(text);
			assertThat(new String(text, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("华东区域客户" + i);
		}
		assertThat(read.getShort()).isEqualTo((short) -1);
		assertThat(read.remaining()).isZero();
	}

	/** The numeric's header (count, weight, sign, scale) and digits, after its length. */
	private static int[] numeric(long cents) throws Exception {
		byte[] bytes = new BinaryCopyRows(16).row(1).numeric(cents).finish().readAllBytes();
		ByteBuffer read = ByteBuffer.wrap(bytes, HEADER + 2, bytes.length - HEADER - 2);
		int length = read.getInt();
		int[] shorts = new int[length / 2];
		for (int k = 0; k < shorts.length; k++) {
			shorts[k] = read.getShort();
		}
		return shorts;
	}

}
