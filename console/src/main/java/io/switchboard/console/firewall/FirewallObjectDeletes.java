package io.switchboard.console.firewall;

import io.switchboard.api.firewall.FirewallObjectDeletion;
import io.switchboard.api.security.CurrentScope;
import io.switchboard.console.web.Actions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deleting firewall objects through {@link FirewallObjectDeletion}, after the page's confirm; an
 * object a rule or a group still names stays, with the API's reason (who uses it) on the page.
 */
@Controller
@RequestMapping("/console/firewall-objects")
public class FirewallObjectDeletes {
  private static final String PAGE = "/console/firewall-objects";
  private final FirewallObjectDeletion deletion;

  public FirewallObjectDeletes(FirewallObjectDeletion deletion) {
    this.deletion = deletion;
  }

  @PostMapping("/addresses/{id}/delete")
  public String address(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        PAGE,
        () -> {
          deletion.deleteAddress(CurrentScope.get(), id);
          return "Address deleted.";
        });
  }

  @PostMapping("/address-groups/{id}/delete")
  public String group(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        PAGE,
        () -> {
          deletion.deleteAddressGroup(CurrentScope.get(), id);
          return "Address group deleted.";
        });
  }

  @PostMapping("/applications/{id}/delete")
  public String application(@PathVariable String id, RedirectAttributes redirect) {
    return Actions.attempt(
        redirect,
        PAGE,
        () -> {
          deletion.deleteApplication(CurrentScope.get(), id);
          return "Application deleted.";
        });
  }
}
