package io.keyaccount.customer.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountTeamMembers extends JpaRepository<AccountTeamMember, Long> {

	List<AccountTeamMember> findByAccountId(Long accountId);

	Optional<AccountTeamMember> findByAccountIdAndUserId(Long accountId, Long userId);

	boolean existsByAccountIdAndUserId(Long accountId, Long userId);

	@Query("select m.accountId from AccountTeamMember m where m.userId = :userId")
	List<Long> findAccountIdsByUserId(Long userId);

}
