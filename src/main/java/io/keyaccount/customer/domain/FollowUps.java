package io.keyaccount.customer.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FollowUps extends JpaRepository<FollowUp, Long> {

	List<FollowUp> findByAccountIdOrderByHappenedAtDesc(Long accountId, Pageable pageable);

	List<FollowUp> findByAccountId(Long accountId);

	Optional<FollowUp> findFirstByAccountIdOrderByHappenedAtDescIdDesc(Long accountId);

	Optional<FollowUp> findFirstByAccountIdAndNextFollowUpOnNotNullOrderByHappenedAtDescIdDesc(Long accountId);

	List<FollowUp> findByAssigneeUserIdAndNextFollowUpOnGreaterThanEqual(Long assigneeUserId, LocalDate from);

}
