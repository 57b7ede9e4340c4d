package io.switchboard.console.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form; Spring Security checks what it posts (with its CSRF token). With OIDC client
 * registrations configured, a link per provider as well.
 */
@Controller
public class LoginPage {
  /** One OIDC provider's sign-in link. */
  public record Provider(String name, String href) {}

  private final ObjectProvider<ClientRegistrationRepository> registrations;

  public LoginPage(ObjectProvider<ClientRegistrationRepository> registrations) {
    this.registrations = registrations;
  }

  @GetMapping(ConsoleSecurityConfiguration.LOGIN)
  public String login(Model model) {
    List<Provider> providers = new ArrayList<>();
    if (registrations.getIfAvailable() instanceof Iterable<?> all) {
      for (Object o : all) {
        if (o instanceof ClientRegistration r) {
          providers.add(
              new Provider(
                  r.getClientName(),
                  ConsoleSecurityConfiguration.OIDC_AUTHORIZATION + "/" + r.getRegistrationId()));
        }
      }
    }
    model.addAttribute("providers", providers);
    return "console/login";
  }
}
