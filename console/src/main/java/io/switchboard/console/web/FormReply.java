package io.switchboard.console.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The answer to a submitted form: when the service saved it, the page of what was saved with a
 * notice; when the request or the service refused it, the form's own page again (400) with the
 * reasons beside the fields and what was typed kept.
 */
public record FormReply(Model model, HttpServletResponse response, RedirectAttributes redirect) {

  public static FormReply of(
      Model model, HttpServletResponse response, RedirectAttributes redirect) {
    return new FormReply(model, response, redirect);
  }

  /**
   * @param form the submitted form, shown under {@code name} when refused
   * @param saved what the service answered, null when refused
   * @param done the notice and the page to go to once saved
   * @param again renders the form's page again (its view name)
   */
  public <T> String to(
      Form form, String name, T saved, Function<T, Actions.Done> done, Supplier<String> again) {
    if (saved == null) {
      form.show(name, model, response);
      return again.get();
    }
    Actions.Done next = done.apply(saved);
    redirect.addFlashAttribute("notice", next.notice());
    return "redirect:" + next.page();
  }
}
