package io.keyaccount.value.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A ledger row as the ledger list shows it. */
public record LedgerRow(long id, long accountId, String accountName, LocalDate occurredOn, BigDecimal amount,
		BigDecimal margin, TransactionSource source, String reference) {
}
