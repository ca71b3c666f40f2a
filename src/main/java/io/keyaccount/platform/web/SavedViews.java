package io.keyaccount.platform.web;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.keyaccount.platform.security.CurrentUser;
import io.keyaccount.platform.validation.BusinessRuleException;
import io.keyaccount.platform.validation.Limits;

/** A user's saved list views: a name for a list's filters and sort, one click away next time. */
@Service("savedViews")
@Transactional
public class SavedViews {

	static final int MAX_PER_SCREEN = 20;

	private final SavedViewRepository repository;

	private final CurrentUser currentUser;

	SavedViews(SavedViewRepository repository, CurrentUser currentUser) {
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Transactional(readOnly = true)
	public List<SavedView> of(String screen) {
		return repository.findByUserIdAndScreenOrderByName(currentUser.require().userId(), screen);
	}

	public void save(String screen, String name, String query) {
		if (name == null || name.isBlank()) {
			throw new BusinessRuleException("name", "validation.required");
		}
		if (of(screen).size() >= MAX_PER_SCREEN) {
			throw BusinessRuleException.general("savedView.tooMany", MAX_PER_SCREEN);
		}
		String cleaned = query == null ? "" : query.replaceAll("(^|&)(page|lang)=[^&]*", "").replaceAll("^&", "");
		// the columns' sizes (saved_view in V2)
		Limits.checkLength("name", "savedView.name", name.trim(), 100);
		Limits.checkLength("query", "savedView.label", cleaned, 2000);
		Limits.checkLength("screen", "savedView.label", screen, 40);
		repository.save(new SavedView(currentUser.require().userId(), screen, name.trim(), cleaned));
	}

	public void delete(long id) {
		long me = currentUser.require().userId();
		repository.findById(id).filter(view -> view.getUserId() == me).ifPresent(repository::delete);
	}

}
