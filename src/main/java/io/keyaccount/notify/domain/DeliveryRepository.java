package io.keyaccount.notify.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DeliveryRepository extends JpaRepository<Delivery, Long> {

	Page<Delivery> findByStatusOrderByUpdatedAtDesc(Delivery.Status status, Pageable pageable);

	java.util.List<Delivery> findByNotificationId(long notificationId);

}
