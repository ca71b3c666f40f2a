package io.keyaccount.platform.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workbench (工作台): each module contributes cards; an empty workbench explains what comes next. */
@Controller
class HomeController {

	private final List<WorkbenchCard> cards;

	HomeController(List<WorkbenchCard> cards) {
		this.cards = cards;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("cards", cards);
		return "platform/home";
	}

}
