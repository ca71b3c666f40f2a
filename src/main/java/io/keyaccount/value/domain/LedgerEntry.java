package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One ledger row: an account bought (or, with a negative amount, was refunded) on a day. Without a margin the
 * company's default margin rate applies when the value is computed.
 */
public record LedgerEntry(long accountId, LocalDate occurredOn, BigDecimal amount, BigDecimal margin,
		TransactionSource source, String reference) {
}
