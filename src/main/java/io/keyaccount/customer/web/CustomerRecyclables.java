package io.keyaccount.customer.web;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.keyaccount.platform.recyclebin.RecyclableType;

@Configuration(proxyBeanMethods = false)
class CustomerRecyclables {

	@Bean
	RecyclableType accountRecyclable() {
		return new RecyclableType("account", "recyclable.account", "Account", "account", "name",
				List.of("update account set parent_id = null where parent_id = ?",
						"delete from account_alert where account_id = ?",
						"delete from account_transfer where account_id = ?",
						"delete from account_team_member where account_id = ?",
						"delete from follow_up where account_id = ?",
						"update contact set reports_to_id = null where account_id = ?",
						"delete from contact where account_id = ?"));
	}

	@Bean
	RecyclableType contactRecyclable() {
		return new RecyclableType("contact", "recyclable.contact", "Contact", "contact", "name",
				List.of("update contact set reports_to_id = null where reports_to_id = ?"));
	}

}
