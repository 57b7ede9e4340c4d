package io.switchboard.console.web;

import io.switchboard.api.error.ApiException;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A button's action through an API service, then back to its page: what it did as a notice, or the
 * service's refusal (409, 422: nothing to retry, already ended) as a problem on the page. "Not
 * found" and "not allowed" answer the whole request, as in the API.
 */
public final class Actions {
  private Actions() {}

  /** What an action did, and the page that shows it. */
  public record Done(String notice, String page) {}

  /** Runs {@code action}, which answers the notice, and redirects to {@code page}. */
  public static String attempt(RedirectAttributes redirect, String page, Supplier<String> action) {
    return attempt(redirect, page, page, action);
  }

  /** The same, going to {@code done} when it worked (a deleted object's page is gone). */
  public static String attempt(
      RedirectAttributes redirect, String done, String refused, Supplier<String> action) {
    return attemptTo(redirect, refused, () -> new Done(action.get(), done));
  }

  /** The same, going where the action says when it worked (the operation it started). */
  public static String attemptTo(
      RedirectAttributes redirect, String refused, Supplier<Done> action) {
    return orBack(
        redirect,
        refused,
        () -> {
          Done done = action.get();
          redirect.addFlashAttribute("notice", done.notice());
          return "redirect:" + done.page();
        });
  }

  /**
   * The view {@code page} answers (a preview), or back to {@code refused} with the service's
   * refusal shown there.
   */
  public static String orBack(RedirectAttributes redirect, String refused, Supplier<String> page) {
    try {
      return page.get();
    } catch (ApiException refusal) {
      if (refusal.status() == HttpStatus.NOT_FOUND || refusal.status() == HttpStatus.FORBIDDEN) {
        throw refusal;
      }
      redirect.addFlashAttribute("problem", refusal.getMessage());
      return "redirect:" + refused;
    }
  }
}
