package io.keyaccount.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.keyaccount.platform.security.CurrentUser;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return CurrentUser.signedIn().isPresent() ? "redirect:/" : "platform/login";
	}

}
