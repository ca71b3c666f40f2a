package io.keyaccount.notify.domain;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.keyaccount.notify.NotificationKind;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

	Optional<Notification> findByIdAndRecipientUserId(long id, long recipientUserId);

	long countByRecipientUserIdAndReadAtIsNull(long recipientUserId);

	/** A reader's notifications, newest first; each filter applies when not null. */
	@Query("""
			select n from Notification n
			where n.recipientUserId = :recipient
			  and (:unreadOnly = false or n.readAt is null)
			  and (:kind is null or n.kind = :kind)
			  and (:from is null or n.createdAt >= :from)
			  and (:to is null or n.createdAt < :to)
			order by n.createdAt desc, n.id desc""")
	Page<Notification> findForReader(long recipient, boolean unreadOnly, NotificationKind kind, Instant from,
			Instant to, Pageable pageable);

	@Modifying
	@Query("update Notification n set n.readAt = :at, n.version = n.version + 1 where n.recipientUserId = :recipient and n.readAt is null")
	int markAllRead(long recipient, Instant at);

}
