package io.switchboard.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /} is the console. */
@Controller
public class RootController {
  @GetMapping("/")
  public String root() {
    return "redirect:/console";
  }
}
