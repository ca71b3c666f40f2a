package io.keyaccount.customer.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.keyaccount.customer.AccountQuery;
import io.keyaccount.customer.AccountQuery.View;
import io.keyaccount.customer.AccountRow;
import io.keyaccount.customer.CustomerManagement;
import io.keyaccount.customer.CustomerPool;
import io.keyaccount.customer.CustomerPool.NeglectAlert;

/** What the workbench card shows a salesperson in the morning. */
@Component("customerWorkbench")
class CustomerWorkbench {

	private final CustomerManagement customers;

	private final CustomerPool pool;

	CustomerWorkbench(CustomerManagement customers, CustomerPool pool) {
		this.customers = customers;
		this.pool = pool;
	}

	/** The accounts I see with the nearest next-contact dates, overdue ones first. */
	public List<AccountRow> due() {
		return customers.dueForContact(8);
	}

	public boolean overdue(AccountRow account) {
		return account.nextFollowUpOn() != null && account.nextFollowUpOn().isBefore(LocalDate.now());
	}

	/** My accounts closest to falling into the pool. */
	public List<AccountRow> nearPool() {
		int warning = pool.settings().warningDays();
		return customers.accounts(new AccountQuery(null, null, null, null, null, null, null, null, View.MINE),
				PageRequest.of(0, 200, Sort.by(Sort.Direction.ASC, "lastFollowUpAt")))
			.stream()
			.filter(a -> a.daysUntilPool() != null && a.daysUntilPool() <= warning)
			.limit(8)
			.toList();
	}

	public List<NeglectAlert> alerts() {
		return pool.myAlerts();
	}

}
