package io.switchboard.console.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts (with its CSRF token). */
@Controller
public class LoginPage {
  @GetMapping(ConsoleSecurityConfiguration.LOGIN)
  public String login() {
    return "console/login";
  }
}
