package io.keyaccount.customer.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface Contacts extends JpaRepository<Contact, Long>, JpaSpecificationExecutor<Contact> {

	List<Contact> findByAccountIdOrderByNameAsc(Long accountId);

}
