package io.keyaccount.customer.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountTransfers extends JpaRepository<AccountTransfer, Long> {

	List<AccountTransfer> findByAccountIdOrderByTransferredAtDesc(Long accountId);

	List<AccountTransfer> findByAccountId(Long accountId);

	long countByToUserIdAndKindAndTransferredAtAfter(Long toUserId, AccountTransfer.TransferKind kind, Instant after);

}
