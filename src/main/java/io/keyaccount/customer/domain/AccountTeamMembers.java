package io.keyaccount.customer.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountTeamMembers extends JpaRepository<AccountTeamMember, Long> {

	List<AccountTeamMember> findByAccountId(Long accountId);

	Optional<AccountTeamMember> findByAccountIdAndUserId(Long accountId, Long userId);

	boolean existsByAccountIdAndUserId(Long accountId, Long userId);

}
