package io.keyaccount.customer.web;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;

import io.keyaccount.customer.CustomerPermissions;
import io.keyaccount.customer.CustomerSearch;
import io.keyaccount.customer.CustomerSearch.AccountHit;
import io.keyaccount.customer.ContactDirectory.ContactRow;
import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.web.SearchProvider;
import io.keyaccount.platform.web.SearchProvider.SearchHit;

/** The customer module's groups in the top-bar search: accounts and contacts, for users who may view customers. */
@Configuration(proxyBeanMethods = false)
class CustomerSearchProviders {

	@Bean
	SearchProvider accountSearchProvider(CustomerSearch search, MessageSource messages) {
		return new Provider("accounts", (query, limit) -> search.accounts(query, limit)
			.stream()
			.map(hit -> new SearchHit(hit.name(), subtitle(hit, messages), "/customers/accounts/" + hit.id()))
			.toList());
	}

	@Bean
	SearchProvider contactSearchProvider(CustomerSearch search) {
		return new Provider("contacts", (query, limit) -> search.contacts(query, limit)
			.stream()
			.map(contact -> new SearchHit(contact.name(), subtitle(contact), "/customers/contacts/" + contact.id()))
			.toList());
	}

	private static String subtitle(AccountHit hit, MessageSource messages) {
		String key = hit.inPool() ? "customerSearch.inPool" : "customerSearch.owner";
		return messages.getMessage(key, new Object[] { hit.ownerName() == null ? "" : hit.ownerName() },
				LocaleContextHolder.getLocale());
	}

	private static String subtitle(ContactRow contact) {
		String account = contact.accountName() == null ? "" : contact.accountName();
		return contact.title() == null || contact.title().isBlank() ? account : account + " · " + contact.title();
	}

	private interface Finder {

		List<SearchHit> find(String query, int limit);

	}

	private record Provider(String groupKey, Finder finder) implements SearchProvider {

		@Override
		public List<SearchHit> search(String query, int limit) {
			boolean allowed = CurrentUser.signedIn()
				.map(user -> user.getAuthorities().stream().anyMatch(a -> CustomerPermissions.VIEW.equals(a.getAuthority())))
				.orElse(false);
			return allowed ? finder.find(query, limit) : List.of();
		}

	}

}
